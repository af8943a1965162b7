/**
 * Loading the corpus from disk: the only module of src/corpus that does I/O.
 * Byte-level validation ({@link validateDocumentBytes}) is pure so an upload can be checked before it is
 * written.
 */
import { statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document, DocumentMeta, LoadedCorpus, SkippedFile } from '../types.js';
import { documentId, parseDocument, sha256Hex } from './document.js';

/** Default largest file indexed: 1 MiB. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** File extensions read as documents. */
export const CORPUS_EXTENSIONS: readonly string[] = ['.txt', '.md'];

/** "2.0 MiB" / "12.3 KiB" / "512 bytes". */
function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function tooLarge(size: number, maxBytes: number): string {
  return `file is ${formatBytes(size)} (${size} bytes), over the ${formatBytes(maxBytes)} limit (${maxBytes} bytes); split it into smaller files`;
}

/**
 * Checks one file's bytes and parses them: size limit, binary content (NUL bytes), UTF-8 validity
 * (a byte-order mark is dropped), and text left after clean-up. Pure; `file` is the corpus-relative path.
 */
export function validateDocumentBytes(
  file: string,
  bytes: Uint8Array,
  maxBytes: number = DEFAULT_MAX_BYTES,
): Document | { skip: string } {
  const raw = decodeDocumentBytes(bytes, maxBytes);
  return typeof raw === 'string' ? parseDocument(file, raw, { hash: sha256Hex(bytes) }) : raw;
}

/**
 * A file's bytes as text, or why they are not a document: size limit, binary content (NUL bytes),
 * UTF-8 validity (a byte-order mark is dropped). Pure.
 */
export function decodeDocumentBytes(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): string | { skip: string } {
  if (bytes.length > maxBytes) return { skip: tooLarge(bytes.length, maxBytes) };
  if (bytes.includes(0)) {
    return { skip: 'looks binary (contains NUL bytes); only plain-text .txt and .md files are indexed' };
  }
  let raw: string;
  try {
    // Not ignoreBOM: the decoder drops a leading UTF-8 byte-order mark.
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { skip: 'not valid UTF-8; re-save the file with UTF-8 encoding' };
  }
  return raw;
}

/** True for a name Griot reads as a document (`.txt`, `.md`, any case). */
export function isCorpusFileName(name: string): boolean {
  return CORPUS_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/**
 * Corpus files under `dir`, recursively, as `/`-separated paths relative to `dir`, sorted.
 * Hidden entries (`.git`, `.DS_Store`) and symbolic links to directories are not followed.
 */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (isCorpusFileName(entry.name) && (entry.isFile() || entry.isSymbolicLink())) files.push(child);
    }
  };
  await walk('');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A corpus file as a fingerprint sees it: its path and a hash of what decides its fate. */
export interface CorpusEntry {
  readonly file: string;
  /**
   * sha256 of the bytes; for a file that was not read, a marker of why (`size:N` over the limit,
   * `unreadable:CODE`), so the fingerprint changes exactly when the outcome could.
   */
  readonly hash: string;
  /** Size and modification time when the hash was taken: a file with both unchanged is not read again. */
  readonly size?: number;
  readonly mtimeMs?: number;
}

/** Entries of an earlier scan by file: what lets a scan trust size and mtime instead of reading. */
export type KnownEntries = ReadonlyMap<string, CorpusEntry>;

/** One file read (or not) and hashed: the step before parsing. `bytes` is absent when `known` vouched for it. */
export type ReadResult =
  | { readonly entry: CorpusEntry; readonly bytes?: Buffer }
  | { readonly entry: CorpusEntry; readonly skip: string };

/** Reads and hashes one corpus file, or only stats it when `known` vouches for its size and mtime. */
export async function readEntry(dir: string, file: string, maxBytes: number, known?: KnownEntries): Promise<ReadResult> {
  const full = path.join(dir, file);
  try {
    // With earlier entries most files are only stat'ed: synchronously, as 30,000 stats through the
    // thread pool cost a second and in-line ones a tenth of that.
    const info = known ? statSync(full) : await stat(full);
    if (!info.isFile()) return { entry: { file, hash: 'not-a-file' }, skip: 'not a regular file' };
    if (info.size > maxBytes) return { entry: { file, hash: `size:${info.size}` }, skip: tooLarge(info.size, maxBytes) };
    const before = known?.get(file);
    // Same size and modification time as when it was hashed: the same bytes (as make and git assume).
    if (before && before.size === info.size && before.mtimeMs === info.mtimeMs && !before.hash.includes(':')) return { entry: before };
    const bytes = await readFile(full);
    return { entry: { file, hash: sha256Hex(bytes), size: info.size, mtimeMs: info.mtimeMs }, bytes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const hint = code === 'ENOENT' ? 'the file or its link target is missing' : "check the file's permissions";
    return {
      entry: { file, hash: `unreadable:${code}` },
      skip: `could not be read (${code}: ${(err as Error).message}); ${hint}`,
    };
  }
}

/**
 * Reads one corpus file (`file` relative to `dir`) and validates it; an unreadable or oversized file is
 * skipped with the reason (an oversized one is not read at all).
 */
export async function readCorpusFile(
  dir: string,
  file: string,
  maxBytes: number = DEFAULT_MAX_BYTES,
): Promise<Document | { skip: string }> {
  const read = await readEntry(dir, file, maxBytes);
  return 'skip' in read ? { skip: read.skip } : validateDocumentBytes(file, read.bytes ?? (await readFile(path.join(dir, file))), maxBytes);
}

/** Lists the corpus, turning a missing or unreadable directory into an error that says what to set. */
export async function listOrExplain(dir: string): Promise<string[]> {
  try {
    return await listCorpusFiles(dir);
  } catch (err) {
    throw new Error(
      `Cannot read the corpus directory ${dir} (${(err as Error).message}); set CORPUS_DIR to a folder of .txt/.md files`,
      { cause: err },
    );
  }
}

/**
 * Every corpus file and the hash of its bytes, without parsing anything: what decides at start-up
 * whether the saved index still matches the corpus. Throws when `dir` is not a readable directory.
 */
export async function scanCorpus(dir: string, opts: { maxBytes?: number; known?: KnownEntries } = {}): Promise<CorpusEntry[]> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries: CorpusEntry[] = [];
  for await (const read of readInOrder(dir, await listOrExplain(dir), maxBytes, opts.known)) entries.push(read.entry);
  return entries;
}

/** Files read at once: enough to overlap disk waits, few enough to bound memory (16 × 1 MiB at most). */
const READ_AHEAD = 16;

/** Reads and hashes `files` in order, a few at a time; files `known` vouches for are only stat'ed. */
export async function* readInOrder(dir: string, files: readonly string[], maxBytes: number, known?: KnownEntries): AsyncGenerator<ReadResult> {
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    yield* await Promise.all(files.slice(i, i + READ_AHEAD).map((f) => readEntry(dir, f, maxBytes, known)));
  }
}

/** Options for {@link loadCorpus}; `T` is what `previous` holds (whole documents, or only their metadata). */
export interface LoadCorpusOptions<T extends DocumentMeta = Document> {
  readonly maxBytes?: number;
  /**
   * Documents of the previous load by file (`Document.file`): a file whose bytes hash the same is
   * reused as it is, not decoded or parsed again. Metadata is enough (an index's table holds the
   * texts): such a file's entry in `documents` is then that metadata object.
   */
  readonly previous?: ReadonlyMap<string, T>;
  /** Entries of the previous load: a file whose size and mtime match is not even read. */
  readonly known?: KnownEntries;
  /** Called as files are read: (files done, files in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A loaded corpus, with what incremental reindexing and fingerprints need. */
export interface CorpusLoad<T extends DocumentMeta = Document> extends Omit<LoadedCorpus, 'documents'> {
  /** Parsed documents, and the `previous` entries reused as they are. */
  readonly documents: readonly (Document | T)[];
  /** Every corpus file seen, in path order (see {@link scanCorpus}). */
  readonly entries: readonly CorpusEntry[];
  /** How many documents came from `previous` unparsed. */
  readonly reused: number;
}

/**
 * Loads every `.txt` and `.md` file under `dir` (recursively, in path order). Files that cannot be indexed
 * are listed in `skipped` with the reason, including a second file whose id (file name without extension)
 * is already taken. Bytes are hashed before anything else, so with `previous` only new and changed files
 * are parsed. Throws when `dir` is not a readable directory.
 */
export async function loadCorpus<T extends DocumentMeta = Document>(dir: string, opts: LoadCorpusOptions<T> = {}): Promise<CorpusLoad<T>> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const files = await listOrExplain(dir);
  const documents: (Document | T)[] = [];
  const skipped: SkippedFile[] = [];
  const entries: CorpusEntry[] = [];
  const owners = new Map<string, string>();
  let reused = 0;
  for await (const read of readInOrder(dir, files, maxBytes, opts.known)) {
    opts.onProgress?.(entries.length + 1, files.length);
    const file = read.entry.file;
    // Hashed even when skipped below, so the entries are exactly what scanCorpus sees.
    entries.push(read.entry);
    const owner = owners.get(documentId(file));
    if (owner !== undefined) {
      skipped.push({
        file,
        reason: `duplicate document id "${documentId(file)}": already loaded from ${owner}; rename one of the files`,
      });
      continue;
    }
    if ('skip' in read) {
      skipped.push({ file, reason: read.skip });
      continue;
    }
    const before = opts.previous?.get(file);
    const result =
      before !== undefined && before.hash === read.entry.hash
        ? before
        : validateDocumentBytes(file, read.bytes ?? (await readFile(path.join(dir, file))), maxBytes);
    if ('skip' in result) {
      skipped.push({ file, reason: result.skip });
      continue;
    }
    if (result === before) reused++;
    owners.set(result.id, file);
    documents.push(result);
  }
  return { documents, skipped, entries, reused };
}
