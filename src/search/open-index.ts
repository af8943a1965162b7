import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { loadCorpus, scanCorpus, type CorpusEntry, type KnownEntries } from '../corpus/load.js';
import type { Progress } from '../progress.js';
import { documentHashes, type Document, type DocumentMeta, type DocumentSource, type SkippedFile } from '../types.js';
import type { Analyser } from './analyser.js';
import {
  corpusFingerprint,
  loadIndex,
  readIndexStamp,
  removeBases,
  savedBase,
  saveIndex,
  saveIndexChanges,
  writeFileAtomic,
  type IndexStamp,
  type SavedBase,
} from './persist.js';
import { isWholeDocument, SearchIndex } from './search-index.js';

/**
 * Bump when corpus clean-up or passage splitting changes what an index holds. 2: glued sentences and
 * headlines separated. 3: impossible date headers skipped, control characters out of document ids.
 */
export const PIPELINE_VERSION = 3;

export interface OpenedIndex {
  readonly index: SearchIndex;
  readonly skipped: readonly SkippedFile[];
  /** 'loaded': reused from DATA_DIR; 'built': analysed now (with why the saved one was not used). */
  readonly source: 'loaded' | 'built';
  readonly reason: string | null;
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
  /** Documents taken from the previous index without parsing (built only). */
  readonly reused?: number;
  /** The corpus files as scanned (hash, size, mtime): the next scan reads only files whose size or mtime changed. */
  readonly entries?: readonly CorpusEntry[];
}

/**
 * A new index made ready but not serving yet: the corpus is read and parsed and the changed passages
 * analysed (everything that can fail), and `commit()` makes the index in one synchronous step
 * (see SearchIndex.prepareUpdate), so the engine can extract the timeline of `documents` first and
 * commit only when the whole reindex succeeded.
 */
export interface RebuiltIndex extends Omit<OpenedIndex, 'index'> {
  /** The new corpus's documents, in corpus order (metadata, each made whole on request). */
  readonly documents: DocumentSource;
  /** True when the corpus is byte for byte the one the previous index covers: commit() returns that index. */
  readonly unchanged: boolean;
  /** The new index (the same one if called again). An update retires the previous index: its searches go to the new one. */
  commit(): OpenedIndex;
}

/** An index already made, as a RebuiltIndex (e.g. one opened from scratch). */
export function readyIndex(opened: OpenedIndex, unchanged = false): RebuiltIndex {
  return { ...opened, documents: opened.index, unchanged, commit: () => opened };
}

/** The corpus files (path, size, mtime, hash) the saved index was made from, beside it. */
export function corpusFilesPath(dataDir: string): string {
  return join(dataDir, 'corpus-files.json');
}

/** The file list saved with the index that has `fingerprint`, by file; empty when there is none for it. */
async function knownEntries(dataDir: string, fingerprint: string | undefined): Promise<KnownEntries> {
  if (fingerprint === undefined) return new Map();
  try {
    const file = JSON.parse(await readFile(corpusFilesPath(dataDir), 'utf8')) as { fingerprint?: string; entries?: CorpusEntry[] };
    if (file.fingerprint !== fingerprint || !Array.isArray(file.entries)) return new Map();
    return new Map(file.entries.map((e) => [e.file, e]));
  } catch {
    return new Map();
  }
}

const byFile = (entries: readonly CorpusEntry[] | undefined): KnownEntries => new Map((entries ?? []).map((e) => [e.file, e]));

/** Where the index lives under DATA_DIR. */
export function indexPath(dataDir: string): string {
  return join(dataDir, 'index.json');
}

/** What opening, rebuilding and saving an index need. */
export interface IndexStoreOptions {
  readonly corpusDir: string;
  readonly dataDir: string;
  readonly maxBytes: number;
  readonly analyser: Analyser;
  readonly onSaveError?: (err: unknown) => void;
  /** Changes are saved instead of the whole index up to this share of the passages (default MAX_CHANGES_SHARE). */
  readonly maxChangesShare?: number;
  /** A progress line for builds that parse or analyse the whole corpus (a terminal's; see progress.ts). */
  readonly progress?: Progress | null;
}

/**
 * Opens the index at start-up. With a saved index, the corpus is only read and hashed (no parsing)
 * to decide whether it still matches; if it does, it is loaded. Otherwise the corpus is parsed, reusing the
 * documents of the stale saved index whose bytes did not change, and the new index is built and saved.
 * A corrupt or incompatible file is rebuilt, never fatal.
 */
export async function openIndex(args: IndexStoreOptions): Promise<OpenedIndex> {
  const path = indexPath(args.dataDir);
  const savedStamp = await readIndexStamp(path);
  if (!savedStamp) {
    // Nothing saved to compare with: scanning first would read every file twice.
    const reason = existsSync(path) ? `saved index ${path} is corrupt (no readable header)` : 'no saved index yet';
    const built = (await prepareIndex(args)).commit();
    const saved = await saveOpenedIndex(args, built);
    return { ...built, reason, ...saved };
  }
  // Files whose size and mtime match the list saved with the index are not read, only stat'ed.
  const entries = await scanCorpus(args.corpusDir, { maxBytes: args.maxBytes, known: await knownEntries(args.dataDir, savedStamp.fingerprint) });
  const fingerprint = corpusFingerprint(entries, PIPELINE_VERSION);
  const saved = await loadIndex(path, null, args.analyser);
  if (saved.index && saved.stamp.fingerprint === fingerprint) {
    return { index: saved.index, skipped: saved.skipped, source: 'loaded', reason: null, fingerprint, stamp: saved.stamp, base: saved.base, entries };
  }
  const reason = saved.index ? 'the corpus changed since the index was saved' : saved.reason;
  const previous = saved.index && saved.pipelineVersion === PIPELINE_VERSION ? saved.index : undefined;
  // Read before the update: once committed, the saved index reads the updated one (SearchIndex.prepareUpdate).
  const before = saved.index
    ? { savedBefore: documentHashes(saved.index.documents()), savedFingerprint: saved.stamp.fingerprint }
    : {};
  // Updated from the saved index: its full file stays the base the changes are written against.
  const built = (await prepareIndex(args, previous, undefined, byFile(entries), previous && saved.index ? saved.base : undefined)).commit();
  const written = await saveOpenedIndex(args, built);
  return { ...built, reason, ...before, ...written };
}

/**
 * Re-reads the corpus and prepares the new index, parsing only files whose bytes changed since
 * `previous` and analysing only their passages (and those of the documents they replace). Committing
 * updates `previous.index` in place (see RebuiltIndex); when nothing changed at all, it is returned as
 * it is. Nothing is saved: the caller swaps the index in first, then calls {@link saveOpenedIndex}.
 */
export async function rebuildIndex(
  args: IndexStoreOptions,
  previous?: Pick<OpenedIndex, 'index' | 'fingerprint' | 'entries' | 'base'>,
): Promise<RebuiltIndex> {
  return prepareIndex(args, previous?.index, previous?.fingerprint, byFile(previous?.entries), previous?.base);
}

async function prepareIndex(
  args: IndexStoreOptions,
  previous?: SearchIndex,
  previousFingerprint?: string,
  known?: KnownEntries,
  /** The full file on disk `previous` was made from: it stays the base the next save writes its changes against. */
  base?: SavedBase,
): Promise<RebuiltIndex> {
  // The serving index's metadata by file: an unchanged file's document is kept as that object, and
  // its text stays in the index's table (prepareUpdate copies it from there).
  const metasByFile = new Map<string, DocumentMeta>((previous?.documents() ?? []).map((d) => [d.file, d]));
  // A full build reports progress; a reindex over a known corpus is quick and stays quiet.
  const progress = previous ? undefined : (args.progress ?? undefined);
  const corpus = await loadCorpus(args.corpusDir, {
    maxBytes: args.maxBytes,
    previous: metasByFile,
    ...(known ? { known } : {}),
    ...(progress ? { onProgress: (done: number, total: number) => progress('reading files', done, total) } : {}),
  });
  const fingerprint = corpusFingerprint(corpus.entries, PIPELINE_VERSION);
  const made = { skipped: corpus.skipped, source: 'built', reason: 'reindex', fingerprint, reused: corpus.reused, entries: corpus.entries, ...(base ? { base } : {}) } as const;
  // Same bytes everywhere: the serving index is already this one.
  if (previous && fingerprint === previousFingerprint) return readyIndex({ ...made, index: previous }, true);
  // Whole documents for a build: the ones kept are made from the previous index's table.
  const whole = () => corpus.documents.map((d) => (isWholeDocument(d) ? d : (previous?.document(d.id) as Document)));
  if (!previous) {
    const onProgress = progress && ((done: number, total: number) => progress('indexing documents', done, total));
    return readyIndex({ ...made, index: SearchIndex.build(whole(), args.analyser, undefined, onProgress) });
  }
  let update;
  try {
    update = previous.prepareUpdate(corpus.documents);
  } catch {
    // The previous index does not hold what its documents analyse to (it cannot be updated): build anew.
    return readyIndex({ ...made, index: SearchIndex.build(whole(), args.analyser) });
  }
  let committed: OpenedIndex | undefined;
  return { ...made, documents: update.documents, unchanged: false, commit: () => (committed ??= { ...made, index: update.apply() }) };
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
    if (opened.entries) {
      await writeFileAtomic(corpusFilesPath(args.dataDir), JSON.stringify({ fingerprint: opened.fingerprint, entries: opened.entries }));
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
