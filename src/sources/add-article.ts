/**
 * Adding one article to the document store, from a link, an upload or a feed: cleaned as every
 * corpus text is, checked against what the store holds (the same canonical address, the same text,
 * or — through an injected check — nearly the same text), and written in one transaction. A
 * duplicate is not stored again: its address is recorded among the stored document's other
 * addresses. The caller then reindexes (engine.reindex applies the change incrementally).
 */
import { cleanText } from '../corpus/clean.js';
import { sha256Hex } from '../corpus/document.js';
import { parseDateValue } from '../corpus/front-matter.js';
import { separateGluedText } from '../corpus/title.js';
import type { DocumentSourceKind, DocumentStore, NewDocument, StoredDocumentMeta } from '../store/documents.js';
import type { DatePrecision, PublishedDate } from '../types.js';

/**
 * An extracted article (src/sources' Article fits it): its own title, text, publication date with
 * its precision, address, outlet, author and language.
 */
export interface ArticleInput {
  readonly title: string | null;
  readonly text: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null: undated. */
  readonly date: string | null;
  readonly datePrecision?: DatePrecision | null;
  readonly dateInferred?: boolean;
  /** The address to cite (canonical when the page names one). */
  readonly url: string | null;
  /** One key per article whatever address it was reached at; compared like an address. */
  readonly canonicalKey?: string | null;
  readonly site: string | null;
  readonly author: string | null;
  readonly lang: string | null;
}

/** Where an added article comes from. */
export interface ArticleOrigin {
  readonly kind: Exclude<DocumentSourceKind, 'folder'>;
  /** The fetched address, the uploaded file's name, the feed and entry. */
  readonly ref: string;
  /** The document id; default: made from the kind and the address (or the text). */
  readonly id?: string;
  /** Replace a stored document with this id from the same source (an upload sent again). */
  readonly replace?: boolean;
}

/**
 * A near-duplicate check (src/sources/near-duplicate.ts): the id of a stored document telling the
 * same story as `text`, if any.
 */
export type NearDuplicateCheck = (text: string, store: DocumentStore) => Promise<string | undefined>;

export interface AddOptions {
  readonly nearDuplicate?: NearDuplicateCheck;
  /** MAX_DOCUMENT_BYTES on the cleaned text. */
  readonly maxBytes?: number;
  /** Check and report only: nothing is written. */
  readonly dryRun?: boolean;
}

/** What adding did: the document's id, and the stored document it duplicates (then nothing new was stored). */
export type AddResult =
  | {
      readonly ok: true;
      readonly id: string;
      readonly duplicateOf?: string;
      /** How the duplicate was recognised. */
      readonly duplicateBy?: 'url' | 'text' | 'near-duplicate';
      /** True when it replaced a document with the same id. */
      readonly replaced: boolean;
      /** The record as stored (or, with dryRun, as it would be). */
      readonly document: NewDocument;
      /** The store's revision after the change. */
      readonly revision: number;
    }
  | { readonly ok: false; readonly reason: string };

/** The id an added article gets: its kind and 16 hex digits of its address (or text). */
export function articleId(kind: ArticleOrigin['kind'], key: string): string {
  return `${kind}_${sha256Hex(key).slice(0, 16)}`;
}

function publishedDate(a: ArticleInput): PublishedDate | null {
  if (!a.date) return null;
  return parseDateValue(a.date, a.dateInferred ?? false);
}

/** The stored document some address of `a` is at already. */
async function storedAt(store: DocumentStore, a: ArticleInput): Promise<StoredDocumentMeta | undefined> {
  for (const u of [a.url, a.canonicalKey]) {
    if (!u) continue;
    const found = await store.findByUrl(u);
    if (found) return found;
  }
  return undefined;
}

/**
 * Adds `article` to `store` (see the module comment). Never throws for a bad article: it says why;
 * a store failure rejects and leaves the store as it was.
 */
export async function addArticle(store: DocumentStore, article: ArticleInput, origin: ArticleOrigin, options: AddOptions = {}): Promise<AddResult> {
  const text = separateGluedText(cleanText(article.text));
  if (text === '') return { ok: false, reason: 'no text left after clean-up (empty, or only navigation)' };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (options.maxBytes !== undefined && bytes > options.maxBytes) {
    return { ok: false, reason: `the article's text is ${bytes} bytes, over MAX_DOCUMENT_BYTES (${options.maxBytes})` };
  }
  const id = origin.id ?? articleId(origin.kind, article.url ?? article.canonicalKey ?? text);
  const document: NewDocument = {
    id,
    source: origin.kind,
    sourceRef: origin.ref,
    url: article.url,
    title: article.title?.trim() || null,
    date: publishedDate(article),
    site: article.site,
    author: article.author,
    lang: article.lang,
    text,
  };
  const existing = (await store.getMany([id]))[0];
  if (existing && !(origin.replace && existing.source === origin.kind)) {
    if (existing.source !== origin.kind) {
      return { ok: false, reason: `a document with id "${id}" already exists (${existing.source} ${existing.sourceRef}); rename it or remove that one first` };
    }
  }
  const replaced = existing !== undefined && origin.replace === true && existing.source === origin.kind;
  const duplicate = async (): Promise<{ of: StoredDocumentMeta; by: 'url' | 'text' | 'near-duplicate' } | undefined> => {
    const byUrl = await storedAt(store, article);
    if (byUrl && byUrl.id !== id) return { of: byUrl, by: 'url' };
    if (byUrl && !replaced) return { of: byUrl, by: 'url' };
    const byText = await store.findByContentHash(sha256Hex(text));
    if (byText && byText.id !== id) return { of: byText, by: 'text' };
    if (options.nearDuplicate) {
      const near = await options.nearDuplicate(text, store);
      if (near !== undefined && near !== id) {
        const of = (await store.getMany([near]))[0];
        if (of) return { of, by: 'near-duplicate' };
      }
    }
    return undefined;
  };
  const dup = await duplicate();
  if (dup) {
    const newAddress = article.url && article.url !== dup.of.url && !dup.of.alsoAt.includes(article.url) ? article.url : undefined;
    const revision = options.dryRun || !newAddress
      ? await store.revision()
      : (await store.apply({ alsoAt: [{ id: dup.of.id, url: newAddress }] })).revision;
    return { ok: true, id: dup.of.id, duplicateOf: dup.of.id, duplicateBy: dup.by, replaced: false, document, revision };
  }
  if (existing && !replaced) {
    return { ok: false, reason: `a document with id "${id}" already exists; remove it first to add it again` };
  }
  const revision = options.dryRun ? await store.revision() : (await store.apply({ put: [document] })).revision;
  return { ok: true, id, replaced, document, revision };
}
