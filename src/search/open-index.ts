import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { documentFromStored, indexHash } from '../corpus/stored.js';
import type { Progress } from '../progress.js';
import { syncFolder } from '../sources/folder-sync.js';
import type { DocumentStore, StoredDocumentMeta } from '../store/documents.js';
import { documentHashes, type Document, type DocumentMeta, type DocumentSource, type SkippedFile } from '../types.js';
import type { Analyser } from './analyser.js';
import {
  loadIndex,
  readIndexStamp,
  removeBases,
  savedBase,
  saveIndex,
  saveIndexChanges,
  storeFingerprint,
  type IndexStamp,
  type SavedBase,
} from './persist.js';
import { isWholeDocument, SearchIndex } from './search-index.js';

/** Bump when corpus clean-up or passage splitting changes what an index holds. 2: glued sentences and headlines separated. */
export const PIPELINE_VERSION = 2;

export interface OpenedIndex {
  readonly index: SearchIndex;
  readonly skipped: readonly SkippedFile[];
  /** 'loaded': reused from DATA_DIR; 'built': analysed now (with why the saved one was not used). */
  readonly source: 'loaded' | 'built';
  readonly reason: string | null;
  /** The document store's id and revision the index reflects (see storeFingerprint). */
  readonly fingerprint: string;
  /** The saved file this index is (loaded) or was written to (built and saved); absent when not on disk. */
  readonly stamp?: IndexStamp;
  /** The full index file on disk it was made from: the next save writes only the changes since (see saveIndexChanges). */
  readonly base?: SavedBase;
  /**
   * Document hashes by id of the stale saved index a start-up rebuild replaced (absent when there was
   * no usable one): the first reindex reports what changed since it, not since the start.
   */
  readonly savedBefore?: ReadonlyMap<string, string>;
  /** The fingerprint of that stale saved index: its saved timeline is what the new one is merged from. */
  readonly savedFingerprint?: string;
  /** Documents taken from the previous index without reading their text (built only). */
  readonly reused?: number;
}

/**
 * A new index made ready but not serving yet: the documents are read and parsed and the changed
 * passages analysed (everything that can fail), and `commit()` makes the index in one synchronous step
 * (see SearchIndex.prepareUpdate), so the engine can extract the timeline of `documents` first and
 * commit only when the whole reindex succeeded.
 */
export interface RebuiltIndex extends Omit<OpenedIndex, 'index'> {
  /** The new corpus's documents, in store order (metadata, each made whole on request). */
  readonly documents: DocumentSource;
  /** True when the store is at the revision the previous index reflects: commit() returns that index. */
  readonly unchanged: boolean;
  /** The new index (the same one if called again). An update retires the previous index: its searches go to the new one. */
  commit(): OpenedIndex;
}

/** An index already made, as a RebuiltIndex (e.g. one opened from scratch). */
export function readyIndex(opened: OpenedIndex, unchanged = false): RebuiltIndex {
  return { ...opened, documents: opened.index, unchanged, commit: () => opened };
}

/** Where the index lives under DATA_DIR. */
export function indexPath(dataDir: string): string {
  return join(dataDir, 'index.json');
}

/** What opening, rebuilding and saving an index need. */
export interface IndexStoreOptions {
  /** The documents the index is made from. */
  readonly documents: DocumentStore;
  /** CORPUS_DIR: synced into the store before each open and rebuild (absent: the store alone). */
  readonly corpusDir?: string;
  readonly dataDir: string;
  /** MAX_DOCUMENT_BYTES for folder files. */
  readonly maxBytes: number;
  readonly analyser: Analyser;
  readonly onSaveError?: (err: unknown) => void;
  /** Changes are saved instead of the whole index up to this share of the passages (default MAX_CHANGES_SHARE). */
  readonly maxChangesShare?: number;
  /** A progress line for builds that parse or analyse the whole corpus (a terminal's; see progress.ts). */
  readonly progress?: Progress | null;
}

/** Documents read from the store at a time while building. */
const READ_BATCH = 500;

/** Syncs CORPUS_DIR into the store (when set): the skipped files, and the fingerprint of the revision reached. */
async function syncAndStamp(args: IndexStoreOptions, progress?: Progress): Promise<{ skipped: readonly SkippedFile[]; fingerprint: string; revision: number }> {
  let skipped: readonly SkippedFile[] = [];
  if (args.corpusDir !== undefined) {
    const onProgress = progress && ((done: number, total: number) => progress('reading files', done, total));
    skipped = (await syncFolder(args.documents, args.corpusDir, { maxBytes: args.maxBytes, ...(onProgress ? { onProgress } : {}) })).skipped;
  }
  const revision = await args.documents.revision();
  return { skipped, revision, fingerprint: storeFingerprint(args.documents.storeId, revision, PIPELINE_VERSION) };
}

/**
 * Opens the index at start-up. CORPUS_DIR is synced into the store first (files only stat'ed when
 * their size and mtime did not move); when the store is at the revision the saved index reflects,
 * that index is loaded and no document is read. Otherwise the changed documents are read from the
 * store and parsed, reusing the stale saved index's others, and the new index is built and saved.
 * A corrupt or incompatible file is rebuilt, never fatal.
 */
export async function openIndex(args: IndexStoreOptions): Promise<OpenedIndex> {
  const path = indexPath(args.dataDir);
  const savedStamp = await readIndexStamp(path);
  const synced = await syncAndStamp(args, savedStamp ? undefined : (args.progress ?? undefined));
  if (!savedStamp) {
    const reason = existsSync(path) ? `saved index ${path} is corrupt (no readable header)` : 'no saved index yet';
    const built = (await prepareIndex(args, synced)).commit();
    const saved = await saveOpenedIndex(args, built);
    return { ...built, reason, ...saved };
  }
  const fingerprint = synced.fingerprint;
  const saved = await loadIndex(path, null, args.analyser);
  if (saved.index && saved.stamp.fingerprint === fingerprint) {
    return { index: saved.index, skipped: synced.skipped, source: 'loaded', reason: null, fingerprint, stamp: saved.stamp, base: saved.base };
  }
  const reason = saved.index ? 'the corpus changed since the index was saved' : saved.reason;
  const previous = saved.index && saved.pipelineVersion === PIPELINE_VERSION ? saved.index : undefined;
  // Read before the update: once committed, the saved index reads the updated one (SearchIndex.prepareUpdate).
  const before = saved.index
    ? { savedBefore: documentHashes(saved.index.documents()), savedFingerprint: saved.stamp.fingerprint }
    : {};
  // Updated from the saved index: its full file stays the base the changes are written against.
  const built = (await prepareIndex(args, synced, previous, undefined, previous && saved.index ? saved.base : undefined)).commit();
  const written = await saveOpenedIndex(args, built);
  return { ...built, reason, ...before, ...written };
}

/**
 * Syncs the folder and prepares the index of the store's documents, reading and parsing only the
 * documents that are new or changed since `previous` and analysing only their passages (and those of
 * the documents they replace). Committing updates `previous.index` in place (see RebuiltIndex); when
 * the store is at the revision `previous` reflects, it is returned as it is. Nothing is saved: the
 * caller swaps the index in first, then calls {@link saveOpenedIndex}.
 */
export async function rebuildIndex(
  args: IndexStoreOptions,
  previous?: Pick<OpenedIndex, 'index' | 'fingerprint' | 'base'>,
): Promise<RebuiltIndex> {
  return prepareIndex(args, await syncAndStamp(args), previous?.index, previous?.fingerprint, previous?.base);
}

async function prepareIndex(
  args: IndexStoreOptions,
  synced: { skipped: readonly SkippedFile[]; fingerprint: string },
  previous?: SearchIndex,
  previousFingerprint?: string,
  /** The full file on disk `previous` was made from: it stays the base the next save writes its changes against. */
  base?: SavedBase,
): Promise<RebuiltIndex> {
  const { fingerprint, skipped } = synced;
  const made = { skipped, source: 'built', reason: 'reindex', fingerprint, ...(base ? { base } : {}) } as const;
  // The store is where the serving index was made: it is already this one.
  if (previous && fingerprint === previousFingerprint) return readyIndex({ ...made, reused: previous.documents().length, index: previous }, true);
  // The serving index's metadata by id: an unchanged document is kept as that object, and its text
  // stays in the index's table (prepareUpdate copies it from there).
  const kept = new Map<string, DocumentMeta>((previous?.documents() ?? []).map((d) => [d.id, d]));
  const metas = await args.documents.list();
  const isKept = (m: StoredDocumentMeta) => {
    const old = kept.get(m.id);
    return old !== undefined && old.file === m.sourceRef && old.hash === indexHash(m);
  };
  const wanted = metas.filter((m) => !isKept(m)).map((m) => m.id);
  // A full build reports progress; a reindex over a known corpus is quick and stays quiet.
  const progress = previous ? undefined : (args.progress ?? undefined);
  const parsed = new Map<string, Document>();
  for (let i = 0; i < wanted.length; i += READ_BATCH) {
    for (const d of await args.documents.getMany(wanted.slice(i, i + READ_BATCH))) parsed.set(d.id, documentFromStored(d));
    progress?.('reading documents', Math.min(i + READ_BATCH, wanted.length), wanted.length);
  }
  // A document removed between the listing and the read is left out.
  const documents = metas.flatMap((m) => parsed.get(m.id) ?? (isKept(m) ? [kept.get(m.id) as DocumentMeta] : []));
  const reused = documents.length - parsed.size;
  // Whole documents for a build: the ones kept are made from the previous index's table.
  const whole = () => documents.map((d) => (isWholeDocument(d) ? d : (previous?.document(d.id) as Document)));
  if (!previous) {
    const onProgress = progress && ((done: number, total: number) => progress('indexing documents', done, total));
    return readyIndex({ ...made, reused, index: SearchIndex.build(whole(), args.analyser, undefined, onProgress) });
  }
  let update;
  try {
    update = previous.prepareUpdate(documents);
  } catch {
    // The previous index does not hold what its documents analyse to (it cannot be updated): build anew.
    return readyIndex({ ...made, reused, index: SearchIndex.build(whole(), args.analyser) });
  }
  let committed: OpenedIndex | undefined;
  return { ...made, reused, documents: update.documents, unchanged: false, commit: () => (committed ??= { ...made, reused, index: update.apply() }) };
}

/** Where a save left the index: its stamp, and the full file the next save writes changes against. */
export interface SavedIndex {
  readonly stamp: IndexStamp;
  readonly base: SavedBase;
}

/**
 * Writes an index to DATA_DIR atomically: only its changes since the full file it was made from when
 * they are few (see saveIndexChanges), else the whole index. A failure is handed to `onSaveError` and
 * returns null: serving matters more than caching, and a read-only DATA_DIR only costs a rebuild at
 * the next start.
 */
export async function saveOpenedIndex(args: IndexStoreOptions, opened: OpenedIndex): Promise<SavedIndex | null> {
  const path = indexPath(args.dataDir);
  const extra = { skipped: opened.skipped, pipelineVersion: PIPELINE_VERSION };
  try {
    const changes = { ...extra, ...(args.maxChangesShare !== undefined ? { maxShare: args.maxChangesShare } : {}) };
    let saved = opened.base ? await saveIndexChanges(path, opened.index, opened.fingerprint, opened.base, changes) : null;
    if (!saved) {
      const stamp = await saveIndex(path, opened.index, opened.fingerprint, extra);
      saved = { stamp, base: savedBase(basename(path), stamp, opened.index) };
      // The index file holds everything now: the bases changes were saved against are not named any more.
      await removeBases(path);
    }
    return saved;
  } catch (err) {
    args.onSaveError?.(err);
    return null;
  }
}

/**
 * The index another process saved to DATA_DIR (e.g. `npm run reindex` beside a running bot), or null
 * when the file is missing, unusable, or covers the corpus `servingFingerprint` already serves.
 */
export async function loadSavedIndex(args: IndexStoreOptions, servingFingerprint: string): Promise<OpenedIndex | null> {
  const path = indexPath(args.dataDir);
  const stamp = await readIndexStamp(path);
  if (!stamp || stamp.fingerprint === servingFingerprint) return null;
  const saved = await loadIndex(path, null, args.analyser);
  if (!saved.index) return null;
  return {
    index: saved.index,
    skipped: saved.skipped,
    source: 'loaded',
    reason: null,
    fingerprint: saved.stamp.fingerprint,
    stamp: saved.stamp,
    base: saved.base,
  };
}
