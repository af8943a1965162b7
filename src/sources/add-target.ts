/**
 * One article to add, named the way a moderator names it: a link (fetched safely and extracted), a
 * saved page or PDF (extracted), or a `.txt`/`.md` file (read as a folder file is: front matter and
 * the ` date YYYY-MM ` header). Never throws for a bad target: it says why.
 */
import { basename, extname } from 'node:path';
import { documentId } from '../corpus/document.js';
import { sanitiseUploadName } from '../corpus/upload.js';
import type { DocumentStore } from '../store/documents.js';
import { addArticle, type AddResult, type NearDuplicateCheck } from './add-article.js';
import { extractFromFile, extractFromUrl } from './extract.js';
import type { FetchOptions } from './fetch.js';
import { addUpload } from './upload.js';

export interface AddTargetOptions {
  /** MAX_DOCUMENT_BYTES. */
  readonly maxBytes: number;
  readonly dryRun?: boolean;
  /** FETCH_* settings (and, in tests, a resolver) for links. */
  readonly fetch?: FetchOptions;
  readonly nearDuplicate?: NearDuplicateCheck;
  /** Reads a local file (the terminal); absent in Discord, where files come as attachments. */
  readonly readFile?: (path: string) => Promise<Uint8Array>;
}

/** File types a moderator may add. */
const FILE_TYPES = ['.txt', '.md', '.html', '.htm', '.xhtml', '.pdf'];

/** True for an address rather than a file name. */
export const isLink = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target);

/** Adds the article a link points to. */
export async function addLink(store: DocumentStore, url: string, options: AddTargetOptions): Promise<AddResult> {
  const extracted = await extractFromUrl(url, { maxDocumentBytes: options.maxBytes, ...(options.fetch ? { fetch: options.fetch } : {}) });
  if (!extracted.ok) return { ok: false, reason: extracted.reason };
  const a = extracted.article;
  return addArticle(store, a, { kind: 'url', ref: url }, addOptions(options));
}

/** Adds a file's article: `name` is the file's name, `data` its bytes. */
export async function addFile(store: DocumentStore, name: string, data: Uint8Array, options: AddTargetOptions): Promise<AddResult> {
  const ext = extname(name).toLowerCase();
  if (!FILE_TYPES.includes(ext)) return { ok: false, reason: `${name}: only .html, .htm, .pdf, .txt and .md files can be added` };
  if (ext === '.txt' || ext === '.md') return addUpload(store, name, data, addOptions(options));
  const safe = sanitiseUploadName(`${basename(name, extname(name))}.txt`);
  if (safe === null) return { ok: false, reason: `"${name}" is not a usable name: rename it, e.g. report.pdf` };
  const extracted = await extractFromFile({ name, data }, { maxDocumentBytes: options.maxBytes });
  if (!extracted.ok) return { ok: false, reason: extracted.reason };
  return addArticle(store, extracted.article, { kind: 'upload', ref: name, id: documentId(safe), replace: true }, addOptions(options));
}

function addOptions(o: AddTargetOptions) {
  return { maxBytes: o.maxBytes, ...(o.dryRun ? { dryRun: true } : {}), ...(o.nearDuplicate ? { nearDuplicate: o.nearDuplicate } : {}) };
}

/** Adds the article at `target`: a link, or a local file read with `options.readFile`. */
export async function addFromTarget(store: DocumentStore, target: string, options: AddTargetOptions): Promise<AddResult> {
  if (isLink(target)) return addLink(store, target, options);
  if (!options.readFile) return { ok: false, reason: 'local files can only be added from the terminal' };
  let bytes: Uint8Array;
  try {
    bytes = await options.readFile(target);
  } catch (err) {
    return { ok: false, reason: `${target} could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path` };
  }
  return addFile(store, basename(target), bytes, options);
}
