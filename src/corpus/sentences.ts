/**
 * Sentence splitting with character offsets, for Dutch, French and English news text.
 * A sentence ends at . ! ? or … (with any closing quotes or brackets after it) when whitespace and a
 * sentence start follow, unless the word before the full stop is an abbreviation or an initial.
 * A line break always ends a sentence (paragraphs and headings are never joined).
 */

/** One sentence: `text === source.slice(start, end)`, trimmed. */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Words that are followed by a full stop without ending a sentence (lower case, without their final dot;
 * inner dots kept: `e.a`, `o.a`, `m.b.t`).
 */
const ABBREVIATIONS = new Set([
  // titles
  'dr', 'drs', 'ir', 'ing', 'mr', 'mrs', 'ms', 'mevr', 'mw', 'dhr', 'prof', 'st', 'sr', 'jr', 'mme', 'mlle',
  'mgr', 'gen', 'lt', 'col', 'kol', 'sgt', 'capt', 'gov', 'sen', 'rep', 'pres',
  // words that abbreviate (never a whole word that could end a sentence, such as "me", "est" or "km")
  'ca', 'cf', 'vs', 'etc', 'bijv', 'bv', 'vgl', 'enz', 'zgn', 'ong', 'incl', 'excl', 'resp', 'mln', 'mld',
  'mrd', 'jan', 'feb', 'mrt', 'apr', 'aug', 'sept', 'okt', 'oct', 'nov', 'dec', 'av', 'bd', 'env', 'inc',
  'ltd', 'corp', 'dept', 'approx',
  // dotted
  'e.a', 'o.a', 'm.a.w', 'm.b.t', 'i.p.v', 'd.w.z', 't.o.v', 'i.v.m', 'n.a.v', 'a.s', 'j.l', 'z.g',
  'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'j.-c', 'c.-à-d', 'c-à-d',
]);

/** Abbreviations only before a number ("p. 5", "nr. 3", "No. 1"): elsewhere "no." may end a sentence. */
const NUMBER_ABBREVIATIONS = new Set(['p', 'pp', 'blz', 'nr', 'no', 'vol', 'fig', 'art', 'hfst', 'ch', 'n°']);

const TERMINATORS = '.!?…';
/** Characters that may close a sentence after its terminator. */
const CLOSERS = `"'”’»)]`;
/** A sentence may start with a capital, a digit, an opening quote, bracket or dash. */
const SENTENCE_START = /[\p{Lu}\p{Lt}\p{N}"'“‘„«(\[¿¡—–-]/u;

/** The word before position `dot` (a full stop), without the dot: letters, digits, inner dots and hyphens. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.\-]/u.test(text[i - 1] as string)) i--;
  return text.slice(i, dot).replace(/^[.\-]+/, '');
}

/** True when the full stop at `dot` belongs to an abbreviation or an initial, not to a sentence end. */
function isAbbreviationDot(text: string, dot: number, nextChar: string): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (NUMBER_ABBREVIATIONS.has(lower) && /\p{N}/u.test(nextChar)) return true;
  // An initial: one capital letter ("M. Macron", "J. Borell"), or dotted initials ("J.-C.", "A.B.").
  if (/^\p{Lu}$/u.test(word)) return true;
  if (/^(?:\p{L}\.-?)+\p{L}$/u.test(word)) return true;
  return false;
}

/**
 * Splits `text` into sentences with offsets into it. Whitespace between sentences is not part of any
 * sentence; empty input gives [].
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/u.test(text[s] as string)) s++;
    while (e > s && /\s/u.test(text[e - 1] as string)) e--;
    if (e > s) sentences.push({ text: text.slice(s, e), start: s, end: e });
  };

  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\n') {
      push(start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (!TERMINATORS.includes(ch)) {
      i++;
      continue;
    }
    // Swallow a run of terminators ("?!", "...") and the closing quotes/brackets after it.
    let end = i + 1;
    while (end < text.length && TERMINATORS.includes(text[end] as string)) end++;
    const singleDot = ch === '.' && end === i + 1;
    end = skipClosers(text, end);
    const afterSpace = end < text.length && /[ \t\u00A0]/u.test(text[end] as string);
    if (end >= text.length || text[end] === '\n') {
      push(start, end);
      start = end;
      i = end;
      continue;
    }
    if (!afterSpace) {
      i = end; // "2.5", "pic.twitter.com", "?»," — not a boundary
      continue;
    }
    let next = end;
    while (next < text.length && /[ \t\u00A0]/u.test(text[next] as string)) next++;
    const nextChar = text[next] ?? '';
    const boundary =
      nextChar === '\n' ||
      (SENTENCE_START.test(nextChar) && !(singleDot && isAbbreviationDot(text, i, nextChar)));
    if (boundary) {
      push(start, end);
      start = end;
    }
    i = end;
  }
  push(start, text.length);
  return sentences;
}

/** Position after the closing quotes/brackets at `from`, including a French spaced guillemet (`fini. »`). */
function skipClosers(text: string, from: number): number {
  let end = from;
  for (;;) {
    if (end < text.length && CLOSERS.includes(text[end] as string)) {
      end++;
      continue;
    }
    const spaced = /^[ \u00A0\u202F]»/u.exec(text.slice(end, end + 2));
    if (spaced) {
      end += 2;
      continue;
    }
    return end;
  }
}
