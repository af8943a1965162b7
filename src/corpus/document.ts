/** One file's raw text → a Document (pure: no I/O). */
import { createHash } from 'node:crypto';
import type { Document } from '../types.js';
import { cleanText } from './clean.js';
import { parseHeader } from './header.js';
import { detectLanguage } from './language.js';
import { splitPassages } from './passages.js';
import { makeTitle, separateGluedText } from './title.js';

/** Options for {@link parseDocument}. */
export interface ParseDocumentOptions {
  /** sha256 hex of the file's bytes, when the caller has them; otherwise the UTF-8 of `raw` is hashed. */
  readonly hash?: string;
  /** Upper bound on a passage's length (see splitPassages). */
  readonly maxPassageChars?: number;
}

/** Document id: the file name without its directory and extension (`seeds/001_x.txt` → `001_x`). */
export function documentId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  // Control characters (a newline in a file name) would break every line an id is printed on.
  return (dot > 0 ? base.slice(0, dot) : base).replace(/[\p{Cc}\u2028\u2029]+/gu, '_');
}

/** sha256 hex digest. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Markdown files: heading markers (`## `) are dropped so the heading reads as text. */
function stripMarkdownHeadings(body: string): string {
  return body.replace(/^[ \t]*#{1,6}[ \t]+/gm, '');
}

/**
 * Parses one corpus file: header date, cleaned text, language, title and passages.
 * `file` is the path relative to the corpus directory. Returns `{ skip }` with the reason when nothing
 * readable is left after clean-up.
 */
export function parseDocument(
  file: string,
  raw: string,
  opts: ParseDocumentOptions = {},
): Document | { skip: string } {
  const { date, body, bad } = parseHeader(raw.replace(/^\uFEFF/, ''));
  if (bad) return { skip: `${bad}; write date YYYY-MM or YYYY-MM-DD, or remove the header` };
  const text = separateGluedText(cleanText(/\.md$/i.test(file) ? stripMarkdownHeadings(body) : body));
  if (text === '') return { skip: 'no text left after clean-up (empty, or only a header or navigation)' };
  const id = documentId(file);
  const lang = detectLanguage(text);
  const passages = splitPassages(
    id,
    text,
    lang,
    opts.maxPassageChars === undefined ? {} : { maxChars: opts.maxPassageChars },
  );
  return {
    id,
    file,
    date,
    title: makeTitle(text),
    lang,
    hash: opts.hash ?? sha256Hex(raw),
    passageCount: passages.length,
    text,
    passages,
  };
}
