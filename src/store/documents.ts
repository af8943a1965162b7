/**
 * The document store's interface: every article of the corpus, from any source, and the revision
 * number every change increases. The search index is built from these records and saved under the
 * revision it reflects. Implemented on SQLite (src/store/sqlite-documents.ts); a server database
 * implements the same interface (every method returns a promise) and passes the same test suite
 * (tests/store/documents-contract.ts).
 */
import type { PublishedDate } from '../types.js';

/** Where an article came from. */
export type DocumentSourceKind = 'folder' | 'upload' | 'url' | 'feed';
export const DOCUMENT_SOURCE_KINDS: readonly DocumentSourceKind[] = ['folder', 'upload', 'url', 'feed'];

/** An article's publication date as stored. */
export type StoredDate = PublishedDate;

/** What is stored about an article besides its text. */
export interface StoredDocumentMeta {
  /** Unique; for a folder file its name without extension (`001_bb4ad67e1b753670`). */
  readonly id: string;
  readonly source: DocumentSourceKind;
  /** The file path (relative to CORPUS_DIR), the fetched URL, or the feed's id and entry. */
  readonly sourceRef: string;
  /** The article's canonical address; null when it has none (a plain folder file). */
  readonly url: string | null;
  /** The article's own title; null when it has none (the index then titles it by its first words). */
  readonly title: string | null;
  readonly date: StoredDate | null;
  /** Outlet or site name ("Le Monde"); null when unknown. */
  readonly site: string | null;
  readonly author: string | null;
  /** Language code as the source states it (`fr`, `nl`, `en`…); null: detected at indexing. */
  readonly lang: string | null;
  /** sha256 hex of the cleaned text: what tells copies of one text apart from changed ones. */
  readonly contentHash: string;
  /** Other addresses of the same story (duplicates that were not stored again). */
  readonly alsoAt: readonly string[];
  readonly addedAt: Date;
  readonly updatedAt: Date;
  /** The revision at which this record last changed. */
  readonly revision: number;
}

/** A stored article with its cleaned text. */
export interface StoredDocument extends StoredDocumentMeta {
  readonly text: string;
}

/** An article to write: the store fills in its hash, times and revision. */
export interface NewDocument {
  readonly id: string;
  readonly source: DocumentSourceKind;
  readonly sourceRef: string;
  readonly url: string | null;
  readonly title: string | null;
  readonly date: StoredDate | null;
  readonly site: string | null;
  readonly author: string | null;
  readonly lang: string | null;
  /** The cleaned text (non-empty). */
  readonly text: string;
}

/**
 * A corpus folder file as the last sync saw it: what lets the next sync trust size and modification
 * time instead of reading, and remembers why a file is not a document.
 */
export interface FolderFile {
  /** Path relative to CORPUS_DIR, `/`-separated. */
  readonly path: string;
  /** sha256 of the bytes, or a marker (`size:N`, `unreadable:CODE`) when they were not read. */
  readonly hash: string;
  readonly size: number | null;
  readonly mtimeMs: number | null;
  /** The document made from it; null when it was skipped or removed by a moderator. */
  readonly docId: string | null;
  /** Why it is not a document (shown in reindex reports); null when it is one. */
  readonly skipReason: string | null;
  /** A moderator removed its document: the sync leaves the file out until it is deleted. */
  readonly excluded: boolean;
}

/**
 * One change, written in one transaction: all of it or nothing. The revision increases by one when
 * anything in it changes (nothing changed: same revision).
 */
export interface DocumentChange {
  /** Written or replaced by id (a replaced document keeps its added time and its other addresses). */
  readonly put?: readonly NewDocument[];
  /** Removed by id (unknown ids are ignored). */
  readonly remove?: readonly string[];
  /** Other addresses of stored documents (a duplicate seen at another URL). */
  readonly alsoAt?: readonly { readonly id: string; readonly url: string }[];
  /** Folder files seen (written or replaced by path) and gone (removed by path). */
  readonly folderPut?: readonly FolderFile[];
  readonly folderRemove?: readonly string[];
}

/** What a change did. */
export interface ChangeResult {
  /** The revision after the change (unchanged when nothing changed). */
  readonly revision: number;
  readonly changed: boolean;
}

/** Filter and page of {@link DocumentStore.list}. */
export interface DocumentQuery {
  readonly source?: DocumentSourceKind;
  /** Words the title, id, URL or site contain (case-insensitive). */
  readonly query?: string;
  readonly offset?: number;
  /** Default: all. */
  readonly limit?: number;
}

/** The document store. */
export interface DocumentStore {
  /** Identifies this store (made once when it is created): an index saved for another store is not loaded. */
  readonly storeId: string;
  /** The current revision: 0 for an empty store that never changed. */
  revision(): Promise<number>;
  /** Every document's metadata (no text), in id order, optionally filtered and paged. */
  list(query?: DocumentQuery): Promise<StoredDocumentMeta[]>;
  /** How many documents match (the same filter as list, without paging). */
  count(query?: Pick<DocumentQuery, 'source' | 'query'>): Promise<number>;
  /** One document with its text, or undefined. */
  get(id: string): Promise<StoredDocument | undefined>;
  /** Documents with their texts, by id (unknown ids are left out), in the order asked. */
  getMany(ids: readonly string[]): Promise<StoredDocument[]>;
  /** The document stored at this canonical URL, or listing it among its other addresses. */
  findByUrl(url: string): Promise<StoredDocumentMeta | undefined>;
  /** A document whose cleaned text has this sha256. */
  findByContentHash(hash: string): Promise<StoredDocumentMeta | undefined>;
  /** The corpus folder files as the last sync left them, by path. */
  folderFiles(): Promise<FolderFile[]>;
  /** Writes a change in one transaction (see {@link DocumentChange}). */
  apply(change: DocumentChange): Promise<ChangeResult>;
}
