import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ANALYSER_VERSION, type Analyser } from './analyser.js';
import { SearchIndex, type IndexSnapshot } from './search-index.js';

/** Bump when the file layout changes. */
const FORMAT = 1;

/** What sits on disk: the snapshot plus what decides whether it may be reused. */
interface IndexFile {
  readonly format: number;
  readonly analyserVersion: number;
  readonly fingerprint: string;
  readonly createdAt: string;
  readonly snapshot: IndexSnapshot;
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

/** Why a persisted index was not used; null reason means it loaded. */
export type LoadResult =
  | { readonly index: SearchIndex; readonly reason: null }
  | { readonly index: null; readonly reason: string };

/** Loads the index at `path` if it was built from the corpus with this fingerprint. Never throws. */
export async function loadIndex(path: string, fingerprint: string, analyser: Analyser): Promise<LoadResult> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { index: null, reason: code === 'ENOENT' ? 'no saved index yet' : `cannot read ${path}: ${code ?? String(err)}` };
  }
  let file: IndexFile;
  try {
    file = JSON.parse(raw) as IndexFile;
  } catch {
    return { index: null, reason: `saved index ${path} is corrupt (not valid JSON)` };
  }
  if (file?.format !== FORMAT || file.analyserVersion !== ANALYSER_VERSION) {
    return { index: null, reason: 'saved index was made by another version of Griot' };
  }
  if (file.fingerprint !== fingerprint) return { index: null, reason: 'the corpus changed since the index was saved' };
  try {
    return { index: SearchIndex.restore(file.snapshot, analyser), reason: null };
  } catch (err) {
    return { index: null, reason: `saved index ${path} is corrupt (${(err as Error).message})` };
  }
}

/**
 * Writes the index atomically: a temporary file in the same folder, then rename, so a crash
 * mid-write leaves the previous file (or none), never a truncated one.
 */
export async function saveIndex(path: string, index: SearchIndex, fingerprint: string): Promise<void> {
  const file: IndexFile = {
    format: FORMAT,
    analyserVersion: ANALYSER_VERSION,
    fingerprint,
    createdAt: new Date().toISOString(),
    snapshot: index.snapshot(),
  };
  await writeFileAtomic(path, JSON.stringify(file));
}

/** Writes `data` to `path` through a temporary sibling and a rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
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
