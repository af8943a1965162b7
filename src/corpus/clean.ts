/**
 * General clean-up of an article body: Unicode and whitespace normalisation, scraped navigation
 * ("Similaires", "LEES OOK. …"), lone punctuation lines and repeated paragraphs.
 * Rules are general (no per-file cases); the result has one paragraph per line pair (`\n\n`).
 */

/** Headings that introduce a scraped block of related links (matched on a whole line, case-insensitive). */
const RELATED_HEADINGS = [
  'similaires',
  'articles similaires',
  'sur le même sujet',
  'lire aussi',
  'à lire aussi',
  'a lire aussi',
  'voir aussi',
  'lees ook',
  'lees meer',
  'bekijk ook',
  'meer over dit onderwerp',
  'read more',
  'read also',
  'see also',
  'related',
  'related articles',
];
const HEADING_ALT = RELATED_HEADINGS.map((h) => h.replace(/ /g, '\\s+')).join('|');
/** The heading alone on its line: a block of link titles follows. */
const RELATED_BLOCK = new RegExp(`^(?:${HEADING_ALT})\\s*[:.\\-–—]?$`, 'iu');
/** The heading and one promoted link on the same line: `LEES OOK. De dodelijkste …`. */
const RELATED_PROMO = new RegExp(`^(?:${HEADING_ALT})(?:\\s*[:.|]|\\s+[-–—])\\s+\\S`, 'iu');
/** A line made only of punctuation or symbols: separators such as `-`, `•`, `***`. */
const LONE_PUNCTUATION = /^[\p{P}\p{S}\s]+$/u;
/** Ends like a sentence: . ! ? … optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;
/** Spaces other than the plain one (tabs, no-break and narrow spaces…) and invisible characters. */
// Listed rather than \p{Zs}: unicode property classes are several times slower on long text.
const ODD_SPACE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** ASCII and Latin-1 punctuation and symbols, general punctuation (dashes, quotes, ellipsis…). */
const KEY_PUNCTUATION = /[!-/:-@[-`{-~\u00A1-\u00BF\u00D7\u00F7\u2010-\u205E]+/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * True for a line that reads as article prose rather than a link title: long enough and ending like a
 * sentence, or so long that no link title would be. Ends a related-links block.
 */
export function isRealParagraph(line: string): boolean {
  return (line.length >= 100 && SENTENCE_END.test(line)) || line.length >= 200;
}

/** Normalised form used to recognise a repeated paragraph: case, punctuation and spacing ignored. */
function paragraphKey(line: string): string {
  return line
    .toLowerCase()
    .replace(KEY_PUNCTUATION, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** NFC, unified line breaks, odd spaces to plain ones, runs collapsed, lines trimmed. */
function normaliseLines(body: string): string[] {
  return body
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(ODD_SPACE, ' ').replace(/ {2,}/g, ' ').trim());
}

/** Drops related-link blocks, promo lines and lone punctuation lines. */
function dropNavigation(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let inRelatedBlock = false;
  for (const line of lines) {
    if (line === '') continue;
    if (LONE_PUNCTUATION.test(line)) continue;
    if (RELATED_BLOCK.test(line)) {
      inRelatedBlock = true;
      continue;
    }
    if (inRelatedBlock) {
      if (!isRealParagraph(line)) continue; // a link title
      inRelatedBlock = false;
    }
    if (RELATED_PROMO.test(line) && !isLongProse(line)) continue;
    kept.push(line);
  }
  return kept;
}

/**
 * A promo line is one link title; prose that merely starts with "Related …" runs on for several sentences.
 */
function isLongProse(line: string): boolean {
  return line.length >= 300;
}

/** Keeps the first occurrence of each paragraph. */
function dropRepeats(paragraphs: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const p of paragraphs) {
    const key = paragraphKey(p);
    if (key !== '' && seen.has(key)) continue;
    seen.add(key);
    kept.push(p);
  }
  return kept;
}

/**
 * Cleans an article body (header already removed). Every non-empty line is a paragraph; paragraphs are
 * joined by one blank line. Returns '' when nothing readable is left.
 */
export function cleanText(body: string): string {
  return dropRepeats(dropNavigation(normaliseLines(body))).join('\n\n');
}
