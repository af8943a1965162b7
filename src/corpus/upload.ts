/**
 * A moderator's upload into CORPUS_DIR: validated like any corpus file, written under a sanitised
 * name, atomically, never outside the corpus. An invalid upload changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { documentId } from './document.js';
import { DEFAULT_MAX_BYTES, listCorpusFiles, validateDocumentBytes } from './load.js';

/** Uploads are capped at 1 MiB whatever MAX_DOCUMENT_BYTES says. */
export const UPLOAD_MAX_BYTES = 1024 * 1024;
const MAX_NAME_LENGTH = 100;

/** What an upload did, or why it was refused (and then nothing was written). */
export type UploadResult =
  | {
      readonly ok: true;
      /** Path relative to CORPUS_DIR. */
      readonly file: string;
      readonly id: string;
      /** True when it replaced a document with the same name. */
      readonly replaced: boolean;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * The name an upload is stored under: the last path segment only, characters outside [A-Za-z0-9._-]
 * replaced by `_`, no `..`, no leading dot, a lower-case `.txt`/`.md` extension. Null when nothing
 * usable is left or the extension is not `.txt`/`.md`. Pure.
 */
export function sanitiseUploadName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  const ext = path.extname(base).toLowerCase();
  if (ext !== '.txt' && ext !== '.md') return null;
  const stem = base
    .slice(0, base.length - ext.length)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._-]+/, '')
    .slice(0, MAX_NAME_LENGTH);
  return stem === '' ? null : `${stem}${ext}`;
}

/**
 * Validates an uploaded document and writes it into `corpusDir` (temporary file, then rename). A
 * document with the same id is replaced in place when it has the same extension; otherwise the upload
 * is refused so two files never compete for one id. Never throws for a bad upload: it says why.
 */
export async function addUploadedDocument(
  corpusDir: string,
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number = DEFAULT_MAX_BYTES,
): Promise<UploadResult> {
  const name = sanitiseUploadName(fileName);
  if (name === null) {
    return { ok: false, reason: `"${fileName}" is not a usable name: upload a .txt or .md file with a plain name such as article.txt` };
  }
  const checked = validateDocumentBytes(name, bytes, Math.min(maxBytes, UPLOAD_MAX_BYTES));
  if ('skip' in checked) return { ok: false, reason: `${name} was not added: ${checked.skip}` };

  const root = path.resolve(corpusDir);
  try {
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch {
    return { ok: false, reason: `the corpus folder ${corpusDir} does not exist; check CORPUS_DIR` };
  }
  const id = documentId(name);
  const existing = (await listCorpusFiles(root)).find((f) => documentId(f) === id);
  if (existing !== undefined && path.extname(existing).toLowerCase() !== path.extname(name)) {
    return {
      ok: false,
      reason: `a document with id "${id}" already exists as ${existing}; upload it as ${path.basename(existing)} to replace it, or rename the file`,
    };
  }
  const file = existing ?? name;
  const target = path.resolve(root, file);
  // Belt and braces: whatever the name, the write stays inside the corpus.
  if (!target.startsWith(root + path.sep)) return { ok: false, reason: `"${fileName}" would be written outside the corpus` };
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    return { ok: false, reason: `${name} could not be written (${(err as NodeJS.ErrnoException).code ?? String(err)}); check that CORPUS_DIR is writable` };
  }
  return { ok: true, file, id, replaced: existing !== undefined };
}
