/**
 * Paragraph-based passages with offsets into the document's cleaned text. Long paragraphs are cut at
 * sentence boundaries; headings are joined to the paragraph they introduce.
 */
import type { Lang, Passage } from '../types.js';
import { detectLanguage } from './language.js';
import { splitSentences } from './sentences.js';

/** Default upper bound on a passage's length in characters (a single longer sentence stays whole). */
export const DEFAULT_MAX_PASSAGE_CHARS = 600;
/** A paragraph this short without sentence-ending punctuation is a heading. */
const HEADING_MAX_CHARS = 60;
/** Below this length a passage's language is taken from its document: too little text to tell. */
const MIN_CHARS_FOR_LANGUAGE = 40;
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;

interface Span {
  start: number;
  end: number;
}

/** True for a short line that does not end like a sentence: a heading such as "Uitweg voor Parijs". */
export function isHeading(text: string): boolean {
  const t = text.trim();
  return t.length < HEADING_MAX_CHARS && !SENTENCE_END.test(t);
}

/** Every non-empty line of `text`, trimmed, as offsets. */
function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/u.test(text[start] as string)) start++;
    while (end > start && /\s/u.test(text[end - 1] as string)) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Joins each run of headings to the paragraph after it (or, at the very end, to the one before). */
function mergeHeadings(text: string, spans: readonly Span[]): Span[] {
  const units: Span[] = [];
  let headingStart: number | null = null;
  for (const span of spans) {
    if (isHeading(text.slice(span.start, span.end))) {
      headingStart ??= span.start;
      continue;
    }
    units.push({ start: headingStart ?? span.start, end: span.end });
    headingStart = null;
  }
  if (headingStart !== null) {
    const last = units.at(-1);
    const end = spans.at(-1)?.end ?? headingStart;
    if (last) last.end = end;
    else units.push({ start: headingStart, end });
  }
  return units;
}

interface SentenceSpan extends Span {
  heading: boolean;
}

/**
 * Packs sentences greedily into chunks of at most `cap` characters (a single longer sentence stays whole).
 * A chunk is not closed while it holds only headings, so a heading always travels with what follows it.
 */
function packSentences(sentences: readonly SentenceSpan[], cap: number): Span[] {
  const chunks: Span[] = [];
  let current: { start: number; end: number; substantive: boolean } | null = null;
  for (const s of sentences) {
    if (current && current.substantive && s.end - current.start > cap) {
      chunks.push({ start: current.start, end: current.end });
      current = null;
    }
    if (!current) current = { start: s.start, end: s.end, substantive: !s.heading };
    else {
      current.end = s.end;
      current.substantive ||= !s.heading;
    }
  }
  if (current) chunks.push({ start: current.start, end: current.end });
  return chunks;
}

/**
 * Cuts a unit longer than `maxChars` into runs of whole sentences: as few chunks as fit in `maxChars`,
 * and among those the most even (the smallest cap that needs no more chunks), so no tiny tail is left.
 */
function chunkUnit(text: string, unit: Span, maxChars: number): Span[] {
  if (unit.end - unit.start <= maxChars) return [unit];
  const sentences = splitSentences(text.slice(unit.start, unit.end)).map((s) => ({
    start: unit.start + s.start,
    end: unit.start + s.end,
    heading: isHeading(s.text),
  }));
  const fewest = packSentences(sentences, maxChars);
  let lo = 1;
  let hi = maxChars;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (packSentences(sentences, mid).length <= fewest.length) hi = mid;
    else lo = mid + 1;
  }
  return packSentences(sentences, lo);
}

/**
 * Splits a document's cleaned text into passages `docId#0…`: one per paragraph, long paragraphs cut at
 * sentence boundaries, headings joined to the following paragraph. `text.slice(p.start, p.end) === p.text`.
 * Each passage's language is detected on its own text (a French quote in a Dutch article is 'fr'); very
 * short passages take the document's `lang`.
 */
export function splitPassages(
  docId: string,
  text: string,
  lang: Lang,
  opts: { maxChars?: number } = {},
): Passage[] {
  const maxChars = Math.max(1, opts.maxChars ?? DEFAULT_MAX_PASSAGE_CHARS);
  const spans = mergeHeadings(text, paragraphSpans(text)).flatMap((u) => chunkUnit(text, u, maxChars));
  return spans.map((span, index) => {
    const passageText = text.slice(span.start, span.end);
    return {
      id: `${docId}#${index}`,
      docId,
      index,
      text: passageText,
      start: span.start,
      end: span.end,
      lang: passageText.length < MIN_CHARS_FOR_LANGUAGE ? lang : detectLanguage(passageText, lang),
    };
  });
}
