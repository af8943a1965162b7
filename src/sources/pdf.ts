/**
 * A text PDF (a report) → one article. The one user of unpdf (PDF.js for servers; 1.7 is the last to run on Node 20).
 * Lines are rebuilt from the text layer's items, paragraphs from the vertical gaps between lines; the title is the
 * document's own (metadata Title) unless that is empty or a file name, else the largest-type line of the first page.
 * A PDF without a text layer (a scan) is refused with that reason.
 */
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { type ExtractResult, refuse } from './types.js';
import { wordCount } from './not-article.js';
import { primaryLanguage } from './metadata.js';

export interface PdfOptions {
  /** File name or URL, for messages and the title of last resort. */
  readonly name: string;
  /** The address the PDF was fetched from, if any. */
  readonly url: string | null;
  readonly canonicalKey: string | null;
  readonly maxTextBytes: number;
}

interface Line {
  text: string;
  y: number;
  size: number;
  page: number;
}

interface Item {
  readonly str: string;
  readonly y: number;
  readonly fontSize: number;
  readonly hasEOL: boolean;
}

/** Text lines of each page, in reading order as the text layer gives them. */
function linesOf(pages: readonly (readonly Item[])[]): Line[] {
  const lines: Line[] = [];
  pages.forEach((items, page) => {
    let current: Line | null = null;
    for (const item of items) {
      if (!current) current = { text: '', y: item.y, size: item.fontSize, page };
      current.text += item.str;
      current.size = Math.max(current.size, item.fontSize);
      if (item.hasEOL) {
        if (current.text.trim()) lines.push({ ...current, text: current.text.replace(/\s+/g, ' ').trim() });
        current = null;
      }
    }
    if (current && current.text.trim()) lines.push({ ...current, text: current.text.replace(/\s+/g, ' ').trim() });
  });
  return lines;
}

/** Joins lines into paragraphs: a new one after a page break, a gap taller than 1.6 lines or a change of type size. */
function paragraphsOf(lines: readonly Line[]): string[] {
  const paras: string[] = [];
  let buf = '';
  let prev: Line | null = null;
  for (const line of lines) {
    const gap = prev && prev.page === line.page ? prev.y - line.y : Infinity;
    const breaks = !prev || prev.page !== line.page || gap > Math.max(prev.size, line.size) * 1.6 || Math.abs(prev.size - line.size) > 1;
    if (breaks && buf) {
      paras.push(buf);
      buf = '';
    }
    // Re-join a word hyphenated across lines ("verklaar-" + "de" → "verklaarde").
    if (buf.endsWith('-') && /^\p{Ll}/u.test(line.text)) buf = buf.slice(0, -1) + line.text;
    else buf = buf ? `${buf} ${line.text}` : line.text;
    prev = line;
  }
  if (buf) paras.push(buf);
  return paras;
}

/** `D:20210215103000+01'00'` → `2021-02-15`. */
function pdfDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(String(value ?? ''));
  if (!m) return null;
  const [, y, mo, d] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  return `${y}-${mo}-${d}`;
}

function usableTitle(title: unknown): string | null {
  const t = typeof title === 'string' ? title.replace(/\s+/g, ' ').trim() : '';
  if (!t || /^untitled$/i.test(t) || /\.(docx?|pdf|odt|indd|tex|rtf)$/i.test(t) || /^microsoft word/i.test(t)) return null;
  return t;
}

/** Extracts the text of a PDF as one article, or refuses it (not a PDF, encrypted, a scan without text). */
export async function extractPdf(data: Uint8Array, options: PdfOptions): Promise<ExtractResult> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes ownership of the buffer it is given; hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false, verbosity: 0 });
  } catch (err) {
    const msg = (err as Error).message ?? '';
    if (/password/i.test(msg)) return refuse('bad-pdf', `refused: ${options.name} is password-protected; remove the password and add it again`);
    return refuse('bad-pdf', `refused: ${options.name} is not a readable PDF (${msg.slice(0, 120)})`);
  }
  try {
    const { items } = await extractTextItems(pdf);
    const lines = linesOf(items);
    const paragraphs = paragraphsOf(lines);
    const text = paragraphs.join('\n\n');
    if (wordCount(text) < 20) {
      return refuse('no-text', `refused: ${options.name} has no text layer (${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'} of images, probably a scan); run OCR on it and add the result`);
    }
    if (Buffer.byteLength(text, 'utf8') > options.maxTextBytes) {
      return refuse('too-large', `refused: the text of ${options.name} is larger than MAX_DOCUMENT_BYTES (${options.maxTextBytes} bytes); raise MAX_DOCUMENT_BYTES to allow it`);
    }
    const meta = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown>, metadata: null }));
    const info = meta.info as Record<string, unknown>;
    const xmp = meta.metadata as { get?(name: string): unknown } | null;
    const firstPage = lines.filter((l) => l.page === 0);
    const biggest = firstPage.reduce<Line | null>((a, b) => (!a || b.size > a.size ? b : a), null);
    const heading = biggest && biggest.size > (firstPage[Math.floor(firstPage.length / 2)]?.size ?? 0) ? biggest.text : null;
    const title =
      usableTitle(info['Title']) ?? usableTitle(xmp?.get?.('dc:title')) ?? heading ?? firstPage[0]?.text ?? options.name;
    const date = pdfDate(info['CreationDate']) ?? pdfDate(info['ModDate']);
    const author = typeof info['Author'] === 'string' && info['Author'].trim() ? info['Author'].trim() : null;
    const lang = primaryLanguage(typeof info['Language'] === 'string' ? info['Language'] : null);
    return {
      ok: true,
      article: {
        title: title.slice(0, 300),
        text,
        // A PDF states when the file was made, not when the report was published: a date, but an inferred one.
        date,
        datePrecision: date ? 'day' : null,
        dateInferred: date !== null,
        url: options.url,
        canonicalKey: options.canonicalKey,
        site: options.url ? new URL(options.url).hostname.replace(/^www\./, '') : null,
        author,
        lang,
        format: 'pdf',
        textSource: 'pdf',
      },
    };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
