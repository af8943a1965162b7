/**
 * One article to add, named the way a moderator names it: a local `.txt` or `.md` file (read as a
 * folder file is), a link or a saved page. Dispatches to the upload reader or the web extraction.
 */
import { isCorpusFileName } from '../corpus/load.js';
import type { DocumentStore } from '../store/documents.js';
import type { AddResult } from './add-article.js';
import { addUpload } from './upload.js';

export interface AddTargetOptions {
  /** MAX_DOCUMENT_BYTES. */
  readonly maxBytes: number;
  readonly dryRun?: boolean;
  /** Reads a local file (the terminal); absent in Discord, where files come as attachments. */
  readonly readFile?: (path: string) => Promise<Uint8Array>;
  /** The file's name as the store names it. */
  readonly name?: string;
}

/** Adds the article at `target` (see the module comment); never throws for a bad target, it says why. */
export async function addFromTarget(store: DocumentStore, target: string, options: AddTargetOptions): Promise<AddResult> {
  const add = { maxBytes: options.maxBytes, ...(options.dryRun ? { dryRun: true } : {}) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    return { ok: false, reason: `links cannot be added by this build of Griot yet; save the article as a .txt or .md file and add that` };
  }
  if (!isCorpusFileName(target)) {
    return { ok: false, reason: `${target}: only .txt and .md files can be added (or a link)` };
  }
  if (!options.readFile) return { ok: false, reason: 'local files can only be added from the terminal' };
  let bytes: Uint8Array;
  try {
    bytes = await options.readFile(target);
  } catch (err) {
    return { ok: false, reason: `${target} could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path` };
  }
  return addUpload(store, options.name ?? target, bytes, add);
}
