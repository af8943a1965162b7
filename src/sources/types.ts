/**
 * What the sources layer hands to the rest of Griot: an extracted article, or a refusal with its reason.
 * Pure data; no store types here (the store maps an Article onto its own record).
 */
import type { DatePrecision } from '../types.js';

/** An article extracted from a web page, a saved file or a PDF. */
export interface Article {
  /** The article's own title (JSON-LD headline, og:title, <title>, PDF metadata or first heading). */
  readonly title: string;
  /** Cleaned text: paragraphs separated by a blank line. Never empty. */
  readonly text: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the article's publication date, never the day it was fetched. Null: undated. */
  readonly date: string | null;
  /** Precision of `date`; null when undated. */
  readonly datePrecision: DatePrecision | null;
  /** True when the date was not stated by the page's metadata but read from its visible text or URL. */
  readonly dateInferred: boolean;
  /** The address the article was read from (after redirects); the canonical link when the page names one. Null for a local file with no link. */
  readonly url: string | null;
  /** One key per article whatever address it was reached at (see url.ts `canonicalKey`). Null with no url. */
  readonly canonicalKey: string | null;
  /** Outlet name (og:site_name, JSON-LD publisher), else the host name. Null when unknown. */
  readonly site: string | null;
  readonly author: string | null;
  /** Primary language subtag as the page states it (`nl`, `fr`, `de`…), lower case; null when not stated. */
  readonly lang: string | null;
  /** Where the article came from. */
  readonly format: 'html' | 'pdf' | 'text';
  /** What the text was taken from: the page body (Readability), JSON-LD articleBody, a PDF text layer or the file as is. */
  readonly textSource: 'readability' | 'json-ld' | 'pdf' | 'file';
}

/** Why an article was not extracted. `code` is for programs; `reason` is a sentence for people. */
export type RefusalCode =
  | 'bad-url'
  | 'private-address'
  | 'dns'
  | 'network'
  | 'timeout'
  | 'too-many-redirects'
  | 'http-status'
  | 'content-type'
  | 'too-large'
  | 'robots'
  | 'not-article'
  | 'no-text'
  | 'unsupported-file'
  | 'bad-pdf';

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  /** Says why and what to do, e.g. "refused: 127.0.0.1 is a private address; set FETCH_ALLOW_PRIVATE=on to allow it". */
  readonly reason: string;
}

export type ExtractResult = { readonly ok: true; readonly article: Article } | Refusal;

/** A checked download. */
export interface FetchedResponse {
  /** The final address after redirects. */
  readonly url: string;
  readonly status: number;
  /** Media type without parameters, lower case (`text/html`). Empty when the server sent none. */
  readonly contentType: string;
  /** The charset parameter of Content-Type, lower case, if any. */
  readonly charset: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Every address visited, the first one included. */
  readonly redirects: readonly string[];
}

export type FetchResult = { readonly ok: true; readonly response: FetchedResponse } | Refusal;

export function refuse(code: RefusalCode, reason: string): Refusal {
  return { ok: false, code, reason };
}
