/** The checks that need no network: the corpus folder, the saved index, DATA_DIR. */
import { existsSync } from 'node:fs';
import { access, constants, mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { loadCorpus, scanCorpus } from '../corpus/load.js';
import { indexPath, PIPELINE_VERSION } from '../search/open-index.js';
import { readIndexHeader, storeFingerprint } from '../search/persist.js';
import { peekDocumentStore, type StorePeek } from '../store/sqlite-peek.js';
import type { SkippedFile } from '../types.js';
import type { Check } from './types.js';

/** At most this many skipped files are listed (the rest are counted). */
const MAX_SKIPPED_SHOWN = 20;

/**
 * CORPUS_DIR readable with documents in it (and the files skipped, with why), and the saved index
 * present and matching it. The corpus is hashed; when the saved index covers exactly these bytes, its
 * header says which files were skipped and why (every other file is a document), so nothing is
 * parsed; otherwise the corpus is parsed once, as a start would. Nothing is written.
 */
export async function corpusAndIndexChecks(config: Config): Promise<Check[]> {
  const dir = resolve(config.corpusDir);
  let entries;
  try {
    entries = await scanCorpus(dir, { maxBytes: config.maxDocumentBytes });
  } catch (err) {
    return [
      { id: 'corpus', status: 'fail', summary: (err as Error).message.split(';')[0]!, fix: 'set CORPUS_DIR to a readable folder of .txt/.md articles' },
      { id: 'index', status: 'skipped', summary: 'not checked: the corpus cannot be read' },
    ];
  }
  const path = indexPath(config.dataDir);
  const header = await readIndexHeader(path);
  let peek: StorePeek | null = null;
  try {
    peek = peekDocumentStore(config.dataDir);
  } catch {
    // An unreadable store is the store check's to report; here the index simply cannot be vouched for.
  }
  // The saved index is current when it reflects the store's revision and the folder is as last synced.
  const folderSynced = peek !== null && entries.length <= peek.folderHashes.size && entries.every((e) => peek!.folderHashes.get(e.file) === e.hash);
  const matches = header !== null && peek !== null && folderSynced && header.fingerprint === storeFingerprint(peek.storeId, peek.revision, PIPELINE_VERSION);
  /** Documents the store holds from links, uploads and feeds. */
  const others = peek ? Object.entries(peek.bySource).reduce((n, [k, v]) => (k === 'folder' ? n : n + v), 0) : 0;
  let documents: number;
  let passages: number | undefined;
  let skippedFiles: readonly SkippedFile[];
  if (matches) {
    skippedFiles = header.skipped;
    documents = (peek?.bySource.folder ?? 0) + others;
  } else {
    const corpus = await loadCorpus(dir, { maxBytes: config.maxDocumentBytes });
    documents = corpus.documents.length + others;
    passages = corpus.documents.reduce((n, d) => n + d.passages.length, 0);
    skippedFiles = corpus.skipped;
  }
  const sourcesNote = others > 0 ? ` (${others} of them added by link, upload or feed)` : '';
  const details = skippedFiles.slice(0, MAX_SKIPPED_SHOWN).map((s) => `skipped ${s.file}: ${s.reason}`);
  if (skippedFiles.length > MAX_SKIPPED_SHOWN) details.push(`… and ${skippedFiles.length - MAX_SKIPPED_SHOWN} more skipped files`);
  const counts = { documents, ...(passages !== undefined ? { passages } : {}), skipped: skippedFiles.length, files: entries.length };
  const corpus: Check =
    documents === 0
      ? {
          id: 'corpus',
          status: 'fail',
          summary: `no documents in ${dir} (${entries.length} files, ${skippedFiles.length} skipped)`,
          fix: 'put .txt or .md articles in CORPUS_DIR (see the README for the file format)',
          details,
          data: counts,
        }
      : {
          id: 'corpus',
          status: 'ok',
          summary: `${documents} documents${sourcesNote}${passages !== undefined ? `, ${passages} passages` : ''} in ${dir}${skippedFiles.length > 0 ? `; ${skippedFiles.length} files skipped` : ''}`,
          details,
          data: counts,
        };
  const reason = header === null ? (existsSync(path) ? 'the saved index is unreadable or from another version of Griot' : 'no saved index yet') : 'the corpus changed since the index was saved';

  const index: Check = matches
    ? { id: 'index', status: 'ok', summary: `saved index ${resolve(path)} matches the corpus (saved ${header.createdAt})`, data: { path, createdAt: header.createdAt } }
    : {
        id: 'index',
        status: 'warn',
        summary: `${reason} (${resolve(path)})`,
        fix: 'nothing is lost: the next start rebuilds it; run `npm run reindex` to build it now',
        data: { path, reason },
      };
  return [corpus, index];
}

/** DATA_DIR can be written (a probe file is created and removed); a missing one must be creatable. */
export async function dataDirCheck(config: Config): Promise<Check> {
  const dir = resolve(config.dataDir);
  const exists = await stat(dir).then((s) => (s.isDirectory() ? 'dir' : 'other'), () => 'missing' as const);
  if (exists === 'other') return { id: 'data-dir', status: 'fail', summary: `${dir} is not a folder`, fix: 'set DATA_DIR to a folder Griot may write to' };
  try {
    if (exists === 'missing') {
      const parent = await nearestExisting(dirname(dir));
      await access(parent, constants.W_OK);
      return { id: 'data-dir', status: 'ok', summary: `${dir} does not exist yet; it will be created (${parent} is writable)` };
    }
    const probe = await mkdtemp(join(dir, '.doctor-'));
    await rm(probe, { recursive: true, force: true });
    return { id: 'data-dir', status: 'ok', summary: `${dir} is writable` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return {
      id: 'data-dir',
      status: 'fail',
      summary: `${dir} cannot be written (${code})`,
      fix: `give the user running Griot write access to ${dir}, or set DATA_DIR to a writable folder`,
    };
  }
}

async function nearestExisting(dir: string): Promise<string> {
  for (let d = dir; ; d = dirname(d)) {
    if (await stat(d).then(() => true, () => false)) return d;
    if (dirname(d) === d) return d;
  }
}
