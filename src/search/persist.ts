import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open as openFile, readdir, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Document, DocumentMeta, Passage, SkippedFile } from '../types.js';
import { ANALYSER_VERSION, type Analyser } from './analyser.js';
import { SearchIndex, type IndexSnapshot } from './search-index.js';

/**
 * Bump when the file layout changes. 2: skipped files saved, fingerprint over every corpus file. 3: the
 * vocabulary (terms, document frequencies) saved with the index. 4: a JSON header line, then the
 * snapshot in sections: document metadata and vocabulary (JSON), passage offsets (typed arrays),
 * MiniSearch's postings (JSON lines, parsed one at a time while loading), the texts (UTF-8, never
 * parsed: passages are decoded from them when shown).
 */
const FORMAT = 4;

/** Typed arrays are saved as the machine holds them: a file is read back only on the same byte order. */
const BYTE_ORDER = endianness();

/** The snapshot's sections, in file order after the header line, with their lengths in bytes. */
const SECTIONS = ['meta', 'passages', 'textStart', 'postings', 'texts'] as const;
type Section = (typeof SECTIONS)[number];

/** The JSON section: what is not a typed array or bytes. */
interface MetaSection {
  readonly documents: IndexSnapshot['documents'];
  readonly vocabulary: IndexSnapshot['vocabulary'];
  readonly minisearch: Pick<IndexSnapshot['minisearch'], 'rest' | 'terms'>;
}

/** The header line: what decides whether the index may be reused, then where its sections are. */
interface IndexFile {
  readonly format: number;
  readonly analyserVersion: number;
  readonly fingerprint: string;
  readonly createdAt: string;
  /** Corpus files not indexed and why, so a loaded index reports them without re-reading the corpus. */
  readonly skipped: readonly SkippedFile[];
  /** The corpus pipeline that parsed the documents: they are reused only by the same one. */
  readonly pipelineVersion?: number;
  /**
   * Last (readIndexHeader reads everything before it): a full index's sections, or, for an index
   * saved as changes (see saveIndexChanges), `base` and `changes` instead, with no sections after
   * the header line.
   */
  readonly snapshot?: { readonly byteOrder: string; readonly sections: Readonly<Record<Section, number>> };
  /** The full index file the changes apply to (a file beside this one) and its stamp. */
  readonly base?: { readonly file: string } & IndexStamp;
  readonly changes?: IndexChanges;
}

/** A document as saved: passages without their text (it is the document's text between start and end). */
type DocumentRecord = Omit<Document, 'passages'> & { readonly passages: readonly Omit<Passage, 'text'>[] };

/** What a reindex changed since the base index: the documents removed, and the added or changed ones whole. */
interface IndexChanges {
  readonly removed: readonly string[];
  readonly documents: readonly DocumentRecord[];
}

/**
 * The full index file on disk that the index serving now was made from (directly, or through saved
 * changes): what a reindex's save writes its changes against, instead of the whole index.
 */
export interface SavedBase extends IndexStamp {
  /** The file's name in DATA_DIR (the index file itself until changes were saved against it). */
  readonly file: string;
  /** Its documents' versions by id (file and hash: what a saved change must restore), and its passage count. */
  readonly versions: ReadonlyMap<string, string>;
  readonly passages: number;
}

/**
 * Changes are saved instead of the whole index while the documents they hold have at most this share
 * of the passages, and at most MAX_CHANGES_PASSAGES: a start applies them (their passages analysed,
 * removed and added: about 0.8 ms a passage), and beyond that the whole index is written again (at
 * 30,000 articles, 140 MB and 5 s of CPU, once every hundred-odd changed articles).
 */
export const MAX_CHANGES_SHARE = 0.02;
export const MAX_CHANGES_PASSAGES = 500;

/** Which build a saved index is: the corpus it covers and when it was written. */
export interface IndexStamp {
  readonly fingerprint: string;
  readonly createdAt: string;
}

/** The corpus as a fingerprint sees it: each file and the hash of its bytes. */
export interface CorpusEntry {
  readonly file: string;
  readonly hash: string;
}

/**
 * A fingerprint of the corpus and of everything that shapes the index: the same files with the same
 * bytes under the same analyser give the same fingerprint, so a restart can load instead of rebuild.
 * `pipelineVersion` covers corpus-side changes (clean-up, passage splitting).
 */
export function corpusFingerprint(entries: readonly CorpusEntry[], pipelineVersion: number): string {
  const h = createHash('sha256');
  h.update(`format=${FORMAT};analyser=${ANALYSER_VERSION};pipeline=${pipelineVersion}\n`);
  for (const e of [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    h.update(`${e.file}\0${e.hash}\n`);
  }
  return h.digest('hex');
}

/**
 * The fingerprint of an index made from a document store at a revision: the same store at the same
 * revision under the same analyser gives the same fingerprint, so a start with nothing changed loads
 * the saved index without reading a document.
 */
export function storeFingerprint(storeId: string, revision: number, pipelineVersion: number): string {
  return createHash('sha256')
    .update(`format=${FORMAT};analyser=${ANALYSER_VERSION};pipeline=${pipelineVersion}\nstore=${storeId};revision=${revision}\n`)
    .digest('hex');
}

/** Why a persisted index was not used; null reason means it loaded. */
export type LoadResult =
  | {
      readonly index: SearchIndex;
      readonly reason: null;
      readonly stamp: IndexStamp;
      readonly skipped: readonly SkippedFile[];
      readonly pipelineVersion: number | null;
      /** The full index file it was made from. */
      readonly base: SavedBase;
    }
  | { readonly index: null; readonly reason: string };

/**
 * Loads the index at `path` if it was built from the corpus with this fingerprint (null: whatever
 * corpus it covers, e.g. an index another process just saved): a full index file, or changes saved
 * against one (its base, in the same folder, is loaded and the changes applied). Never throws.
 */
export async function loadIndex(path: string, fingerprint: string | null, analyser: Analyser): Promise<LoadResult> {
  const opened = await openIndexFile(path);
  if ('reason' in opened) return { index: null, reason: opened.reason };
  const { file, handle, at } = opened;
  let index: SearchIndex;
  let base: SavedBase;
  try {
    if (fingerprint !== null && file.fingerprint !== fingerprint) {
      return { index: null, reason: 'the corpus changed since the index was saved' };
    }
    if (file.snapshot && file.snapshot.byteOrder !== BYTE_ORDER) {
      return { index: null, reason: 'saved index was made on a machine of another byte order' };
    }
    if (file.base && file.changes) {
      const loaded = await loadBase(join(dirname(path), file.base.file), file.base, analyser);
      if (!loaded.index) return loaded;
      index = applyChanges(loaded.index, file.changes);
      base = loaded.base;
    } else if (file.snapshot) {
      index = await readFullIndex(handle, at, file, analyser);
      base = savedBase(basename(path), { fingerprint: file.fingerprint, createdAt: file.createdAt }, index);
    } else {
      throw new Error('neither a snapshot nor changes');
    }
  } catch (err) {
    return { index: null, reason: `saved index ${path} is corrupt (${(err as Error).message})` };
  } finally {
    await handle.close();
  }
  return {
    index,
    reason: null,
    stamp: { fingerprint: file.fingerprint, createdAt: file.createdAt },
    skipped: Array.isArray(file.skipped) ? file.skipped : [],
    pipelineVersion: typeof file.pipelineVersion === 'number' ? file.pipelineVersion : null,
    base,
  };
}

/**
 * Opens a saved index and reads its header line, checked for this version of Griot; the handle is
 * the caller's to close. A reason instead when it cannot be used (the handle is then closed).
 */
async function openIndexFile(path: string): Promise<{ file: IndexFile; handle: FileHandle; at: number } | { reason: string }> {
  let handle: FileHandle;
  try {
    handle = await openFile(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? 'no saved index yet' : `cannot read ${path}: ${code ?? String(err)}` };
  }
  const fail = async (reason: string) => {
    await handle.close();
    return { reason };
  };
  try {
    // The format first, from the file's first bytes: a file of another version (format 3 was one JSON
    // object of 140 MB at 30,000 articles) is not read through to find a header line it lacks.
    const first = Buffer.alloc(32);
    const { bytesRead } = await handle.read(first, 0, first.length, 0);
    const format = /^\{"format":(\d+)[,}]/.exec(first.toString('utf8', 0, bytesRead))?.[1];
    if (format === undefined) return await fail(`saved index ${path} is corrupt (no readable header)`);
    if (Number(format) !== FORMAT) return await fail('saved index was made by another version of Griot');
    const head = await readHeaderLine(handle);
    let file: IndexFile;
    try {
      file = JSON.parse(head?.text ?? '') as IndexFile;
    } catch {
      return await fail(`saved index ${path} is corrupt (no readable header)`);
    }
    if (file?.format !== FORMAT || file.analyserVersion !== ANALYSER_VERSION) {
      return await fail('saved index was made by another version of Griot');
    }
    return { file, handle, at: (head as { bytes: number }).bytes };
  } catch (err) {
    return await fail(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** The index whose sections follow the header line (at byte `at`); throws when they do not fit. */
async function readFullIndex(handle: FileHandle, at: number, file: IndexFile, analyser: Analyser): Promise<SearchIndex> {
  if (file.snapshot?.byteOrder !== BYTE_ORDER) throw new Error('made on a machine of another byte order');
  return SearchIndex.restore(await readSnapshot(handle, at, file.snapshot.sections), analyser);
}

/** The full index file `path` that saved changes name, checked against the stamp they recorded. */
async function loadBase(
  path: string,
  stamp: IndexStamp,
  analyser: Analyser,
): Promise<{ index: SearchIndex; base: SavedBase } | { index: null; reason: string }> {
  const opened = await openIndexFile(path);
  if ('reason' in opened) return { index: null, reason: `the base of the saved index, ${path}: ${opened.reason}` };
  const { file, handle, at } = opened;
  try {
    if (!file.snapshot) return { index: null, reason: `the base of the saved index, ${path}, is not a full index` };
    if (file.fingerprint !== stamp.fingerprint || file.createdAt !== stamp.createdAt) {
      return { index: null, reason: `the base of the saved index, ${path}, was replaced` };
    }
    const index = await readFullIndex(handle, at, file, analyser);
    return { index, base: savedBase(basename(path), stamp, index) };
  } catch (err) {
    return { index: null, reason: `the base of the saved index, ${path}, cannot be read (${(err as Error).message})` };
  } finally {
    await handle.close();
  }
}

/** A full index file's record: its name in DATA_DIR, stamp, documents' versions and passage count. */
export function savedBase(file: string, stamp: IndexStamp, index: SearchIndex): SavedBase {
  return { file, ...stamp, versions: new Map(index.documents().map((d) => [d.id, versionOf(d)])), passages: index.passageCount };
}

const versionOf = (d: Pick<Document, 'file' | 'hash'>): string => `${d.file}\0${d.hash}`;

/** The base index with the saved changes applied (see SearchIndex.prepareUpdate); documents in corpus (file) order. */
function applyChanges(base: SearchIndex, changes: IndexChanges): SearchIndex {
  const replaced = new Set([...changes.removed, ...changes.documents.map((d) => d.id)]);
  // The base's own metadata for the documents kept: prepareUpdate copies them from its table as they are.
  const documents: (Document | DocumentMeta)[] = [...base.documents().filter((d) => !replaced.has(d.id)), ...changes.documents.map(documentOf)];
  documents.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return base.prepareUpdate(documents).apply();
}

const recordOf = ({ passages, ...doc }: Document): DocumentRecord => ({ ...doc, passages: passages.map(({ text: _t, ...p }) => p) });

function documentOf(r: DocumentRecord): Document {
  if (typeof r?.text !== 'string' || !Array.isArray(r.passages)) throw new Error(`saved changes: document ${r?.id} is incomplete`);
  return { ...r, passages: r.passages.map((p) => ({ ...p, text: r.text.slice(p.start, p.end) })) };
}

/**
 * Saves `index` as its changes against `base` (a full index file in the same folder), when they are
 * small (see MAX_CHANGES_SHARE), in a small file at `path`: a one-article reindex writes kilobytes
 * instead of the whole index. The first time, the full file at `path` is kept under a name of its
 * own (a hard link, so `path` is never missing). Null when the changes are too large or the base is
 * not on disk as recorded: the caller saves the whole index instead.
 */
export async function saveIndexChanges(
  path: string,
  index: SearchIndex,
  fingerprint: string,
  base: SavedBase,
  extra: { readonly skipped?: readonly SkippedFile[]; readonly pipelineVersion?: number; readonly maxShare?: number } = {},
): Promise<{ stamp: IndexStamp; base: SavedBase } | null> {
  // Metadata first: only the changed documents are made whole.
  const changed = index.documents().filter((d) => base.versions.get(d.id) !== versionOf(d));
  const ids = new Set(index.documents().map((d) => d.id));
  const removed = [...base.versions.keys()].filter((id) => !ids.has(id));
  const passages = changed.reduce((n, d) => n + d.passageCount, 0);
  const allowed = Math.min(MAX_CHANGES_PASSAGES, Math.max(base.passages, index.passageCount) * (extra.maxShare ?? MAX_CHANGES_SHARE));
  if (passages > allowed) return null;
  const documents = changed.map((d) => index.document(d.id) as Document);
  const dir = dirname(path);
  // Another process may have replaced the file since (a full save removes the bases): then save it all.
  const onDisk = await readIndexStamp(join(dir, base.file));
  if (onDisk?.fingerprint !== base.fingerprint || onDisk.createdAt !== base.createdAt) return null;
  let savedBase = base;
  if (base.file === basename(path)) {
    // The full file is still `path` itself: keep it (linked) under its own name before `path` is replaced.
    const file = `${basename(path, '.json')}.base-${randomBytes(4).toString('hex')}.json`;
    try {
      await link(path, join(dir, file));
    } catch {
      return null; // No hard links on this file system: the whole index is saved, as before.
    }
    savedBase = { ...base, file };
  }
  // Stamp fields first, as in saveIndex; `base` before `changes` (readIndexHeader stops at either).
  const file: IndexFile = {
    ...headerFields(fingerprint, extra),
    base: { file: savedBase.file, fingerprint: savedBase.fingerprint, createdAt: savedBase.createdAt },
    changes: { removed, documents: documents.map(recordOf) },
  };
  // One header line and no sections: loadIndex reads the line, then the base it names.
  await writeFileAtomic(path, `${JSON.stringify(file)}\n`);
  return { stamp: { fingerprint, createdAt: file.createdAt }, base: savedBase };
}

/** Removes the base files beside `path`: after a full save none is named any more. */
export async function removeBases(path: string): Promise<void> {
  const prefix = `${basename(path, '.json')}.base-`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => rm(join(dirname(path), n), { force: true })));
}

/** The file's first line (the header) and its length in bytes with the newline; null when there is none. */
async function readHeaderLine(handle: FileHandle): Promise<{ readonly text: string; readonly bytes: number } | null> {
  const parts: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) return null;
    const nl = chunk.subarray(0, bytesRead).indexOf(10);
    if (nl >= 0) {
      parts.push(chunk.subarray(0, nl));
      const line = Buffer.concat(parts);
      return { text: line.toString('utf8'), bytes: line.length + 1 };
    }
    parts.push(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
}

/**
 * The sections after the header, each read into its own buffer (typed arrays need their own,
 * aligned memory; the texts stay bytes). Throws when the file does not hold what the header says.
 */
async function readSnapshot(handle: FileHandle, at: number, sizes: Readonly<Record<Section, number>>): Promise<IndexSnapshot> {
  const expected = at + SECTIONS.reduce((n, s) => n + checkedSize(sizes?.[s]), 0);
  const { size } = await handle.stat();
  if (size !== expected) throw new Error(`${size} bytes where the header says ${expected}`);
  const sections = {} as Record<Section, Uint8Array>;
  let position = at;
  for (const section of SECTIONS) {
    // A buffer of its own (not from Node's pool) for each: aligned for a typed array, and the texts
    // kept alone once the rest is garbage.
    const into = Buffer.allocUnsafeSlow(sizes[section]);
    // A read may return less than asked (the kernel caps one at about 2 GB): read until full.
    for (let done = 0; done < into.length; ) {
      const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
      if (bytesRead === 0) throw new Error(`section ${section} cut short`);
      done += bytesRead;
    }
    position += into.length;
    sections[section] = into;
  }
  return fromSections(sections);
}

/** The snapshot's sections as bytes (what follows the header line in a saved index). */
function toSections(snapshot: IndexSnapshot): Record<Section, Buffer> {
  const { rest, terms, postings } = snapshot.minisearch;
  const meta: MetaSection = { documents: snapshot.documents, vocabulary: snapshot.vocabulary, minisearch: { rest, terms } };
  const bytes = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return {
    meta: Buffer.from(JSON.stringify(meta), 'utf8'),
    passages: bytes(snapshot.passages),
    textStart: bytes(snapshot.textStart),
    postings,
    texts: snapshot.texts,
  };
}

/** The snapshot back from its sections; throws when they do not hold what a snapshot needs. */
function fromSections(sections: Readonly<Record<Section, Uint8Array>>): IndexSnapshot {
  const words = (section: Section) => {
    const b = sections[section];
    if (b.length % 4 !== 0) throw new Error(`section ${section} is not whole numbers`);
    // A view when aligned (each section read into its own buffer); a copy otherwise.
    return b.byteOffset % 4 === 0 ? new Uint32Array(b.buffer, b.byteOffset, b.length / 4) : new Uint32Array(new Uint8Array(b).buffer);
  };
  const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length);
  const meta = JSON.parse(asBuffer(sections.meta).toString('utf8')) as MetaSection;
  if (!meta?.minisearch || !Array.isArray(meta.documents)) throw new Error('metadata section incomplete');
  return {
    documents: meta.documents,
    vocabulary: meta.vocabulary,
    passages: words('passages'),
    textStart: words('textStart'),
    texts: asBuffer(sections.texts),
    minisearch: { ...meta.minisearch, postings: asBuffer(sections.postings) },
  };
}

/**
 * A snapshot as one block of bytes and back, in the layout of a saved index after its header (a
 * line with the sections' sizes instead): for measuring what saving and loading cost (the bench).
 */
export function snapshotToBytes(snapshot: IndexSnapshot): Buffer {
  const sections = toSections(snapshot);
  const sizes = Object.fromEntries(SECTIONS.map((s) => [s, sections[s].length]));
  return Buffer.concat([Buffer.from(`${JSON.stringify(sizes)}\n`, 'utf8'), ...SECTIONS.map((s) => sections[s])]);
}

export function snapshotFromBytes(bytes: Uint8Array): IndexSnapshot {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const nl = buf.indexOf(10);
  const sizes = JSON.parse(buf.toString('utf8', 0, nl)) as Record<Section, number>;
  const sections = {} as Record<Section, Uint8Array>;
  let at = nl + 1;
  for (const s of SECTIONS) {
    sections[s] = buf.subarray(at, at + checkedSize(sizes[s]));
    at += sizes[s];
  }
  if (at !== buf.length) throw new Error(`${buf.length} bytes where the sizes say ${at}`);
  return fromSections(sections);
}

const checkedSize = (n: unknown): number => {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new Error('section sizes missing');
  return n;
};

/**
 * Writes the index atomically: a temporary file in the same folder, then rename, so a crash
 * mid-write leaves the previous file (or none), never a truncated one.
 */
export async function saveIndex(
  path: string,
  index: SearchIndex,
  fingerprint: string,
  extra: { readonly skipped?: readonly SkippedFile[]; readonly pipelineVersion?: number } = {},
): Promise<IndexStamp> {
  const sections = toSections(index.snapshot());
  // Stamp fields first: readIndexStamp finds them in the file's first bytes.
  const file: IndexFile = {
    ...headerFields(fingerprint, extra),
    snapshot: {
      byteOrder: BYTE_ORDER,
      sections: Object.fromEntries(SECTIONS.map((s) => [s, sections[s].length])) as Record<Section, number>,
    },
  };
  await writeFileAtomic(path, [Buffer.from(`${JSON.stringify(file)}\n`, 'utf8'), ...SECTIONS.map((s) => sections[s])]);
  return { fingerprint, createdAt: file.createdAt };
}

/**
 * The stamp of the index saved at `path`, read from the file's first bytes without parsing the
 * snapshot; null when there is no file or it is not one of ours. Lets a watcher ignore its own saves.
 */
export async function readIndexStamp(path: string): Promise<IndexStamp | null> {
  const head = await readFileHead(path);
  if (head === null) return null;
  const fingerprint = /"fingerprint":"([^"]+)"/.exec(head)?.[1];
  const createdAt = /"createdAt":"([^"]+)"/.exec(head)?.[1];
  return fingerprint && createdAt ? { fingerprint, createdAt } : null;
}

/** The first `bytes` of a file as text (where our JSON files keep their stamp), or null when it cannot be read. */
export async function readFileHead(path: string, bytes = 512): Promise<string | null> {
  try {
    const handle = await openFile(path, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** What precedes the snapshot in a saved index: its stamp and the files it skipped. */
export interface IndexHeader extends IndexStamp {
  readonly skipped: readonly SkippedFile[];
}

/**
 * The fields before the snapshot (stamp and skipped files), read from the start of the file until
 * the snapshot begins, without parsing the snapshot: cheap at any corpus size (`npm run doctor`).
 * Null when there is no file or its header is not one of ours.
 */
export async function readIndexHeader(path: string): Promise<IndexHeader | null> {
  let handle;
  try {
    handle = await openFile(path, 'r');
  } catch {
    return null;
  }
  try {
    const chunk = Buffer.alloc(64 * 1024);
    const parts: Buffer[] = [];
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) return null;
      parts.push(Buffer.from(chunk.subarray(0, bytesRead)));
      position += bytesRead;
      // saveIndex writes the snapshot last: the header is everything before its key.
      const head = Buffer.concat(parts).toString('utf8');
      const at = head.search(/,"(snapshot|base)":/);
      if (at < 0) continue;
      const file = JSON.parse(`${head.slice(0, at)}}`) as Partial<IndexFile>;
      if (typeof file.fingerprint !== 'string' || typeof file.createdAt !== 'string') return null;
      return { fingerprint: file.fingerprint, createdAt: file.createdAt, skipped: Array.isArray(file.skipped) ? file.skipped : [] };
    }
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** The fields every saved index file starts with (its stamp first: readIndexStamp reads the first bytes). */
function headerFields(
  fingerprint: string,
  extra: { readonly skipped?: readonly SkippedFile[]; readonly pipelineVersion?: number },
): Pick<IndexFile, 'format' | 'analyserVersion' | 'fingerprint' | 'createdAt' | 'skipped' | 'pipelineVersion'> {
  return {
    format: FORMAT,
    analyserVersion: ANALYSER_VERSION,
    fingerprint,
    createdAt: new Date().toISOString(),
    skipped: extra.skipped ?? [],
    ...(extra.pipelineVersion !== undefined ? { pipelineVersion: extra.pipelineVersion } : {}),
  };
}

/** Writes `data` to `path` through a temporary sibling and a rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
