/**
 * The name a moderator's upload is stored under (src/sources/upload.ts stores it in the document
 * store): sanitised so that it is a plain, safe document id.
 */
import path from 'node:path';

/** Uploads are capped at 1 MiB whatever MAX_DOCUMENT_BYTES says. */
export const UPLOAD_MAX_BYTES = 1024 * 1024;
const MAX_NAME_LENGTH = 100;

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
