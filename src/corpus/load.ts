/**
 * Loading the corpus from disk: the only module of src/corpus that does I/O.
 * Byte-level validation ({@link validateDocumentBytes}) is pure so an upload can be checked before it is
 * written.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document, LoadedCorpus, SkippedFile } from '../types.js';
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
  return parseDocument(file, raw, { hash: sha256Hex(bytes) });
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

/**
 * Reads one corpus file (`file` relative to `dir`) and validates it; an unreadable or oversized file is
 * skipped with the reason (an oversized one is not read at all).
 */
export async function readCorpusFile(
  dir: string,
  file: string,
  maxBytes: number = DEFAULT_MAX_BYTES,
): Promise<Document | { skip: string }> {
  const full = path.join(dir, file);
  try {
    const info = await stat(full);
    if (!info.isFile()) return { skip: 'not a regular file' };
    if (info.size > maxBytes) return { skip: tooLarge(info.size, maxBytes) };
    return validateDocumentBytes(file, await readFile(full), maxBytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const hint = code === 'ENOENT' ? 'the file or its link target is missing' : "check the file's permissions";
    return { skip: `could not be read (${code}: ${(err as Error).message}); ${hint}` };
  }
}

/**
 * Loads every `.txt` and `.md` file under `dir` (recursively, in path order). Files that cannot be indexed
 * are listed in `skipped` with the reason, including a second file whose id (file name without extension)
 * is already taken. Throws when `dir` is not a readable directory.
 */
export async function loadCorpus(dir: string, opts: { maxBytes?: number } = {}): Promise<LoadedCorpus> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let files: string[];
  try {
    files = await listCorpusFiles(dir);
  } catch (err) {
    throw new Error(
      `Cannot read the corpus directory ${dir} (${(err as Error).message}); set CORPUS_DIR to a folder of .txt/.md files`,
      { cause: err },
    );
  }
  const documents: Document[] = [];
  const skipped: SkippedFile[] = [];
  const owners = new Map<string, string>();
  for (const file of files) {
    const owner = owners.get(documentId(file));
    if (owner !== undefined) {
      skipped.push({
        file,
        reason: `duplicate document id "${documentId(file)}": already loaded from ${owner}; rename one of the files`,
      });
      continue;
    }
    const result = await readCorpusFile(dir, file, maxBytes);
    if ('skip' in result) {
      skipped.push({ file, reason: result.skip });
      continue;
    }
    owners.set(result.id, file);
    documents.push(result);
  }
  return { documents, skipped };
}
