/**
 * The sources layer's entry points: an article from a link or from a local file.
 *
 * - `extractFromUrl(url, deps)`: fetches safely (fetch.ts: checked and pinned addresses, redirects, limits), decodes
 *   the charset, and extracts an HTML page (html.ts), a PDF (pdf.ts) or plain text.
 * - `extractFromFile(input, deps)`: a saved `.html`/`.htm` page, a `.pdf`, or a `.txt`/`.md` file.
 * Both resolve to `{ok: true, article}` or `{ok: false, code, reason}` and never throw for bad input.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeHtml } from './charset.js';
import { HTML_TYPES, PDF_TYPES, TEXT_TYPES, safeFetch, type FetchOptions } from './fetch.js';
import { extractHtml } from './html.js';
import { primaryLanguage } from './metadata.js';
import { notArticleReason } from './not-article.js';
import { extractPdf } from './pdf.js';
import { type ExtractResult, refuse } from './types.js';
import { canonicalKey, cleanUrl } from './url.js';
import { dateFromUrl, parseMachineDate } from './dates.js';
import { parseHeader } from '../corpus/header.js';

/** What extraction needs from the configuration (and, for fetching, the safe-fetch options). */
export interface ExtractDeps {
  /** MAX_DOCUMENT_BYTES: extracted text longer than this is refused. */
  readonly maxDocumentBytes: number;
  /** Safe-fetch options: FETCH_ALLOW_PRIVATE, FETCH_TIMEOUT_MS, FETCH_MAX_BYTES, a resolver for tests, robots for polling. */
  readonly fetch?: FetchOptions;
}

/** A local file to extract: a path, or the bytes with the file's name (an upload). */
export type FileInput = string | { readonly name: string; readonly data: Uint8Array };

const isPdf = (body: Uint8Array) => body[0] === 0x25 && body[1] === 0x50 && body[2] === 0x44 && body[3] === 0x46; // %PDF

/** Fetches `url` and extracts its article. */
export async function extractFromUrl(url: string, deps: ExtractDeps): Promise<ExtractResult> {
  const fetched = await safeFetch(url, { accept: [...HTML_TYPES, ...PDF_TYPES, ...TEXT_TYPES], ...deps.fetch });
  if (!fetched.ok) return fetched;
  const r = fetched.response;
  if (r.status === 304) return refuse('http-status', `refused: ${r.url} answered 304 Not Modified; nothing new to add`);
  const type = r.contentType;
  if ((PDF_TYPES as readonly string[]).includes(type) || (type === '' && isPdf(r.body))) {
    return extractPdf(r.body, { name: r.url, url: cleanUrl(r.url), canonicalKey: canonicalKey(r.url), maxTextBytes: deps.maxDocumentBytes });
  }
  if ((TEXT_TYPES as readonly string[]).includes(type)) {
    return plainText(decodeHtml(r.body, r.charset ?? 'utf-8').text, r.url, r.url, deps.maxDocumentBytes);
  }
  return extractHtml(decodeHtml(r.body, r.charset).text, { url: r.url, maxTextBytes: deps.maxDocumentBytes });
}

/** Extracts the article of a local `.html`, `.htm`, `.pdf`, `.txt` or `.md` file (a saved page, a report, a text). */
export async function extractFromFile(input: FileInput, deps: ExtractDeps): Promise<ExtractResult> {
  const name = typeof input === 'string' ? basename(input) : input.name;
  const ext = extname(name).toLowerCase();
  if (!['.html', '.htm', '.xhtml', '.pdf', '.txt', '.md'].includes(ext)) {
    return refuse('unsupported-file', `refused: ${name} is not a .html, .htm, .pdf, .txt or .md file`);
  }
  let data: Uint8Array;
  if (typeof input === 'string') {
    try {
      data = await readFile(input);
    } catch (err) {
      return refuse('unsupported-file', `refused: cannot read ${input} (${(err as { code?: string }).code ?? 'error'})`);
    }
  } else {
    data = input.data;
  }
  const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (ext === '.pdf') {
    if (!isPdf(body)) return refuse('bad-pdf', `refused: ${name} does not start like a PDF; is it really one?`);
    return extractPdf(body, { name, url: null, canonicalKey: null, maxTextBytes: deps.maxDocumentBytes });
  }
  const text = decodeHtml(body, null).text;
  if (ext === '.txt' || ext === '.md') return plainText(text, name, null, deps.maxDocumentBytes);
  // A page saved by a browser names its address in a comment (`<!-- saved from url=(0042)https://… -->`).
  const saved = /<!--\s*saved from url=\(\d+\)\s*(https?:\/\/[^\s>]+)\s*-->/i.exec(text.slice(0, 2048))?.[1] ?? null;
  return extractHtml(text, { url: saved, maxTextBytes: deps.maxDocumentBytes });
}

/** `---\nkey: value\n---` at the top of a Markdown file → its fields (strings only) and the rest. */
function frontMatter(text: string): { fields: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!m) return { fields: {}, body: text };
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) fields[kv[1]!.toLowerCase()] = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { fields, body: text.slice(m[0].length) };
}

/**
 * A text or Markdown file. Front matter (`title`, `date`, `url`, `site`, `author`, `lang`) and Griot's
 * ` date YYYY-MM[-DD] ` header are honoured; else the first line (without `#`) is the title.
 */
function plainText(raw: string, name: string, fetchedFrom: string | null, maxTextBytes: number): ExtractResult {
  const normalised = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const { fields, body: afterFront } = frontMatter(normalised);
  const header = parseHeader(afterFront);
  const text = header.body.trim();
  if (Buffer.byteLength(text, 'utf8') > maxTextBytes) {
    return refuse('too-large', `refused: ${name} is larger than MAX_DOCUMENT_BYTES (${maxTextBytes} bytes); raise MAX_DOCUMENT_BYTES to allow it`);
  }
  const reason = notArticleReason({ text, title: '', linkDensity: 0, declaresArticle: true, ogType: null });
  if (reason?.code === 'no-text') return refuse('no-text', `refused: ${name} ${reason.text}`);
  const first = text.split('\n').find((l) => l.trim()) ?? name;
  const title = fields['title'] || first.replace(/^#+\s*/, '').trim().slice(0, 200);
  const url = cleanUrl(fields['url'] ?? '') ?? (fetchedFrom ? cleanUrl(fetchedFrom) : null);
  const stated = parseMachineDate(fields['date']) ?? (header.date ? { date: header.date.iso, precision: header.date.precision } : null);
  const inferred = stated ? null : dateFromUrl(url);
  const date = stated ?? inferred;
  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname.replace(/^www\./, '') : null;
  } catch {
    host = null;
  }
  return {
    ok: true,
    article: {
      title,
      text,
      date: date?.date ?? null,
      datePrecision: date?.precision ?? null,
      dateInferred: inferred !== null || (header.date?.inferred ?? false),
      url,
      canonicalKey: url ? canonicalKey(url) : null,
      site: fields['site'] || host,
      author: fields['author'] || null,
      lang: primaryLanguage(fields['lang'] ?? null),
      format: 'text',
      textSource: 'file',
    },
  };
}
