/**
 * A moderator's upload (`/add file:`, `npm run add -- file.txt`): a `.txt` or `.md` file, read as a
 * folder file is (front matter, ` date YYYY-MM ` header, clean-up), stored as an `upload` document
 * whose id is its sanitised name. Sending the same name again replaces it. An invalid upload changes
 * nothing.
 */
import { documentId } from '../corpus/document.js';
import { decodeDocumentBytes } from '../corpus/load.js';
import { folderArticle } from '../corpus/stored.js';
import { sanitiseUploadName, UPLOAD_MAX_BYTES } from '../corpus/upload.js';
import type { DocumentStore } from '../store/documents.js';
import { addArticle, type AddOptions, type AddResult } from './add-article.js';

/** Validates an uploaded file and adds it to the store (see the module comment); never throws for a bad upload. */
export async function addUpload(
  store: DocumentStore,
  fileName: string,
  bytes: Uint8Array,
  options: AddOptions & { readonly maxBytes: number },
): Promise<AddResult> {
  const name = sanitiseUploadName(fileName);
  if (name === null) {
    return { ok: false, reason: `"${fileName}" is not a usable name: upload a .txt or .md file with a plain name such as article.txt` };
  }
  const raw = decodeDocumentBytes(bytes, Math.min(options.maxBytes, UPLOAD_MAX_BYTES));
  const article = typeof raw === 'string' ? folderArticle(name, raw) : raw;
  if ('skip' in article) return { ok: false, reason: `${name} was not added: ${article.skip}` };
  const added = await addArticle(
    store,
    { ...article, date: article.date?.iso ?? null, datePrecision: article.date?.precision ?? null, dateInferred: article.date?.inferred ?? false },
    { kind: 'upload', ref: name, id: documentId(name), replace: true },
    options,
  );
  return added.ok ? added : { ok: false, reason: `${name} was not added: ${added.reason}` };
}
