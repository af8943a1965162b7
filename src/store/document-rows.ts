/**
 * What both document stores share when they read a row: the row's columns as the drivers give them,
 * the mapping to a StoredDocumentMeta, and the content hash. Only the date flag (0/1 or boolean) and
 * the other addresses (a JSON array or an array) differ by dialect, so each store passes those in.
 */
import { createHash } from 'node:crypto';
import type { DatePrecision } from '../types.js';
import type { DocumentSourceKind, StoredDocumentMeta } from './documents.js';

/** sha256 hex of a document's cleaned text: what the store and duplicate checks compare. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A `documents` row (with its other addresses and, when selected, its text); `I` and `A` are the dialect's date flag and address list. */
export interface DocumentRow<I, A> {
  id: string;
  source: DocumentSourceKind;
  source_ref: string;
  url: string | null;
  title: string | null;
  date_iso: string | null;
  date_precision: DatePrecision | null;
  date_inferred: I;
  site: string | null;
  author: string | null;
  lang: string | null;
  content_hash: string;
  added_at: number;
  updated_at: number;
  revision: number;
  also_at: A;
  text?: string;
}

/** A row's metadata, given its date flag and other addresses as the dialect reads them. */
export function documentMeta<I, A>(r: DocumentRow<I, A>, inferred: boolean, alsoAt: readonly string[]): StoredDocumentMeta {
  return {
    id: r.id,
    source: r.source,
    sourceRef: r.source_ref,
    url: r.url,
    title: r.title,
    date: r.date_iso && r.date_precision ? { iso: r.date_iso, precision: r.date_precision, inferred } : null,
    site: r.site,
    author: r.author,
    lang: r.lang,
    contentHash: r.content_hash,
    alsoAt: [...alsoAt],
    addedAt: new Date(r.added_at),
    updatedAt: new Date(r.updated_at),
    revision: r.revision,
  };
}
