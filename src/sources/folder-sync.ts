/**
 * CORPUS_DIR synced into the document store: new and changed files (by path and the hash of their
 * bytes) become documents, deleted files take their documents with them, files that are not
 * documents are remembered with the reason. A file whose size and modification time match what the
 * last sync saw is only stat'ed. The whole sync is one store change (one transaction, one revision).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentId } from '../corpus/document.js';
import { decodeDocumentBytes, listOrExplain, readInOrder, type CorpusEntry } from '../corpus/load.js';
import { folderArticle } from '../corpus/stored.js';
import type { DocumentStore, FolderFile, NewDocument } from '../store/documents.js';
import type { SkippedFile } from '../types.js';

/** What a sync did. */
export interface FolderSyncReport {
  /** Documents written (new or changed) and removed, by id. */
  readonly put: readonly string[];
  readonly removed: readonly string[];
  /** Every folder file that is not a document, with why (left out: the ones a moderator removed). */
  readonly skipped: readonly SkippedFile[];
  /** The store's revision after the sync. */
  readonly revision: number;
  readonly changed: boolean;
}

export interface FolderSyncOptions {
  readonly maxBytes: number;
  /** Called as files are read: (files done, files in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The folder entry of a stored folder file, as the scan compares it. */
const asEntry = (f: FolderFile): CorpusEntry => ({
  file: f.path,
  hash: f.hash,
  ...(f.size !== null ? { size: f.size } : {}),
  ...(f.mtimeMs !== null ? { mtimeMs: f.mtimeMs } : {}),
});

/**
 * Syncs `dir` into `store`. Throws (changing nothing) when `dir` is not a readable folder or the
 * store cannot write; a file that cannot be a document is skipped with its reason.
 */
export async function syncFolder(store: DocumentStore, dir: string, options: FolderSyncOptions): Promise<FolderSyncReport> {
  const files = await listOrExplain(dir);
  const before = new Map((await store.folderFiles()).map((f) => [f.path, f]));
  // Only documents are vouched for by size and mtime: a skipped file is looked at again (its reason
  // may have gone, e.g. the file that held its id was deleted).
  const known = new Map([...before.values()].filter((f) => f.docId !== null).map((f) => [f.path, asEntry(f)]));
  const present = new Set(files);
  const put: NewDocument[] = [];
  const folderPut: FolderFile[] = [];
  const remove = new Set<string>();
  const owners = new Map<string, string>();
  const skipped: SkippedFile[] = [];
  /** Ids of documents from other sources, read once if a file needs them. */
  let otherIds: Promise<Set<string>> | undefined;
  const others = () =>
    (otherIds ??= store.list().then((all) => new Set(all.filter((d) => d.source !== 'folder').map((d) => d.id))));

  let done = 0;
  for await (const read of readInOrder(dir, files, options.maxBytes, known)) {
    options.onProgress?.(++done, files.length);
    const file = read.entry.file;
    const old = before.get(file);
    const row = (docId: string | null, skipReason: string | null): FolderFile => ({
      path: file,
      hash: read.entry.hash,
      size: read.entry.size ?? null,
      mtimeMs: read.entry.mtimeMs ?? null,
      docId,
      skipReason,
      excluded: false,
    });
    if (old?.excluded) continue;
    /** Records the file's row, unless the store holds it as it is. */
    const keep = (f: FolderFile) => {
      const same = old && old.hash === f.hash && old.size === f.size && old.mtimeMs === f.mtimeMs && old.docId === f.docId && old.skipReason === f.skipReason;
      if (!same) folderPut.push(f);
    };
    const skip = (reason: string) => {
      skipped.push({ file, reason });
      keep(row(null, reason));
      if (old?.docId) remove.add(old.docId);
    };
    const id = documentId(file);
    const owner = owners.get(id);
    if (owner !== undefined) {
      skip(`duplicate document id "${id}": already loaded from ${owner}; rename one of the files`);
      continue;
    }
    if ('skip' in read) {
      skip(read.skip);
      continue;
    }
    // Same bytes as at the last sync: the document stands (size or mtime may have moved).
    if (old?.docId && old.hash === read.entry.hash) {
      owners.set(old.docId, file);
      keep(row(old.docId, null));
      continue;
    }
    if ((await others()).has(id)) {
      skip(`document id "${id}" is taken by a document added another way (see npm run documents -- show ${id}); rename the file`);
      continue;
    }
    const raw = decodeDocumentBytes(read.bytes ?? (await readFile(path.join(dir, file))), options.maxBytes);
    const article = typeof raw === 'string' ? folderArticle(file, raw) : raw;
    if ('skip' in article) {
      skip(article.skip);
      continue;
    }
    owners.set(id, file);
    if (old?.docId && old.docId !== id) remove.add(old.docId);
    put.push({ id, source: 'folder', sourceRef: file, ...article });
    keep(row(id, null));
  }
  const folderRemove = [...before.keys()].filter((p) => !present.has(p));
  for (const p of folderRemove) {
    const id = before.get(p)?.docId;
    if (id && !owners.has(id)) remove.add(id);
  }
  for (const d of put) remove.delete(d.id);
  const result = await store.apply({ put, remove: [...remove], folderPut, folderRemove });
  return { put: put.map((d) => d.id), removed: [...remove], skipped, revision: result.revision, changed: result.changed };
}
