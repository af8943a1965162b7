import { alternation, ALL_PACKS } from '../language/index.js';
import type { SpanKind } from '../search/answer-type.js';
import { isFigure } from '../search/figures.js';
import { FUNCTION_WORDS } from '../search/stopwords.js';
import type { Lang } from '../types.js';
import { fold, tokenizeCased } from '../search/text.js';

/**
 * The short answer a question asks for ("how many" → a figure, "who" → a name, "when" → a date),
 * taken from a sentence: the candidate span whose neighbourhood best matches the question's words,
 * so that "how many soldiers died" picks the figure next to "gesneuveld", not the one next to
 * "betrokken". Figures, names and dates read the same in every language, which is how an English
 * question gets its answer from a Dutch sentence. Pure.
 */
export interface ShortAnswer {
  /** The span as written in the sentence ("55", "Choguel Kokalla Maïga", "24 mei"). */
  readonly text: string;
  /**
   * Weighted share (0..1) of the question's terms found within WINDOW words of the span: how sure
   * we are that this span is the one the question asks for.
   */
  readonly match: number;
  /** What candidates were compared by (see SpanMatch); the same as `match` unless some words weigh more in choosing. */
  readonly rank: number;
}

/** A token of the sentence as the matcher sees it: its index term, or null for a stopword. */
export interface SentenceToken {
  readonly text: string;
  readonly term: string | null;
}

/** Words either side of a span that count as its neighbourhood. */
export const WINDOW = 8;

const MONTHS = alternation(ALL_PACKS, (p) => p.months.map((m) => fold(m)));
const WEEKDAYS = alternation(ALL_PACKS, (p) => p.weekdays);
const RELATIVE = alternation(ALL_PACKS, (p) => p.relativeDates);
/** Date expressions, longest first: "du 1er au 6 février", "24 mei", "juni 2021", "2013", "donderdag". */
const DATE = new RegExp(
  `\\b(?:(?:du |van )?\\d{1,2}(?:er|e)?(?: (?:au|tot|to|-) \\d{1,2}(?:er|e)?)? (?:${MONTHS})(?: \\d{4})?|(?:${MONTHS}) \\d{1,2}(?:, \\d{4})?|(?:${MONTHS})(?: \\d{4})?|(?:1[89]|20)\\d\\d|(?:${WEEKDAYS})|(?:${RELATIVE}))\\b`,
  'g',
);

/** A span of the sentence: [first, last] token positions and its text. */
interface Candidate {
  readonly first: number;
  readonly last: number;
  readonly text: string;
}

/**
 * How a candidate's neighbourhood matches the question: `match` (0..1) is what the answer reports,
 * `rank` what candidates are compared by (it may weigh some words more, e.g. a which-question's noun).
 */
export interface SpanMatch {
  readonly match: number;
  readonly rank: number;
}

/**
 * The best short answer of `kind` in a sentence, or null when the sentence holds none. `matchAt`
 * says how well the words at token positions [from, to] match the question; `inQuestion`
 * rejects candidates that only repeat the question ("Barkhane" answers no question about Barkhane);
 * `reject` those the question rules out otherwise (tokens `first`..`last`).
 */
export function shortAnswer(
  sentence: string,
  tokens: readonly SentenceToken[],
  kind: SpanKind,
  lang: Lang,
  matchAt: (from: number, to: number, except: readonly [number, number]) => SpanMatch,
  inQuestion: (token: SentenceToken) => boolean,
  reject?: (first: number, last: number) => boolean,
): ShortAnswer | null {
  let best: ShortAnswer | null = null;
  const spans = tokenSpans(sentence, tokens);
  // A span reads as the sentence writes it ("Noord-Mali", not "Noord Mali").
  const textOf = (first: number, last: number) => sentence.slice(spans[first]![0], spans[last]![1]);
  for (const found of candidates(sentence, tokens, kind, lang, spans, textOf)) {
    // Words of the question at its edges are not the answer: "Wagner Groep" answers "which group" with "Wagner".
    const c = trim(found, tokens, inQuestion, textOf);
    if (!c) continue;
    if (reject?.(c.first, c.last)) continue;
    const { match, rank } = matchAt(Math.max(0, c.first - WINDOW), Math.min(tokens.length - 1, c.last + WINDOW), [c.first, c.last]);
    if (!best || rank > best.rank) best = { text: c.text, match, rank };
  }
  return best;
}

/** Where each token stands in the sentence: [start, end) offsets, in order. */
function tokenSpans(sentence: string, tokens: readonly SentenceToken[]): [number, number][] {
  let at = 0;
  return tokens.map((t) => {
    const k = sentence.indexOf(t.text, at);
    const start = k < 0 ? at : k;
    at = start + (k < 0 ? 0 : t.text.length);
    return [start, at];
  });
}

function trim(
  c: Candidate,
  tokens: readonly SentenceToken[],
  inQuestion: (t: SentenceToken) => boolean,
  textOf: (first: number, last: number) => string,
): Candidate | null {
  let { first, last } = c;
  while (first <= last && inQuestion(tokens[first]!)) first++;
  while (last >= first && inQuestion(tokens[last]!)) last--;
  if (first > last) return null;
  if (first === c.first && last === c.last) return c;
  return { first, last, text: textOf(first, last) };
}

function candidates(
  sentence: string,
  tokens: readonly SentenceToken[],
  kind: SpanKind,
  lang: Lang,
  spans: readonly (readonly [number, number])[],
  textOf: (first: number, last: number) => string,
): Candidate[] {
  switch (kind) {
    case 'number':
      return tokens.flatMap((t, i) => (isFigure(t.text, lang) && !/^(1[89]|20)\d\d$/.test(t.text) ? [{ first: i, last: i, text: t.text }] : []));
    case 'date':
      return dateCandidates(sentence, tokens);
    case 'person':
    case 'place':
    case 'name':
      return nameCandidates(sentence, tokens, spans, textOf);
  }
}

/**
 * Adverbs that open a sentence capitalised and name nothing ("Daarnaast werd de Franse ambassadeur…"),
 * besides the function words queries drop (*echter*, *cependant*, *ensuite*).
 */
const LINKING_ADVERBS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...ALL_PACKS.flatMap((p) => p.linkingAdverbs)]);

/**
 * Runs of capitalised words that are not function words: "Choguel Kokalla Maïga", and a sentence's
 * first word too ("Duitsland overweegt…"), since the neighbourhood match decides between candidates.
 */
function nameCandidates(
  sentence: string,
  tokens: readonly SentenceToken[],
  spans: readonly (readonly [number, number])[],
  textOf: (first: number, last: number) => string,
): Candidate[] {
  const out: Candidate[] = [];
  // A run stops at punctuation: "Françoise Dumas, Sereine Mauborgne et Nathalie Serre" names three people, not two.
  const joined = (j: number) => !/[,;:()"“”«»–—]/.test(sentence.slice(spans[j]![1], spans[j + 1]![0]));
  let i = 0;
  while (i < tokens.length) {
    if (!/^\p{Lu}/u.test(tokens[i]!.text) || tokens[i]!.term === null || (i === 0 && LINKING_ADVERBS.has(fold(tokens[0]!.text.toLowerCase())))) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && /^\p{Lu}/u.test(tokens[j + 1]!.text) && tokens[j + 1]!.term !== null && joined(j)) j++;
    out.push({ first: i, last: j, text: textOf(i, j) });
    i = j + 1;
  }
  return out;
}

/** Date expressions, mapped onto token positions by counting the tokens before each match. */
function dateCandidates(sentence: string, tokens: readonly SentenceToken[]): Candidate[] {
  const folded = fold(sentence.toLowerCase());
  const out: Candidate[] = [];
  for (const m of folded.matchAll(DATE)) {
    const first = tokenizeCased(folded.slice(0, m.index)).length;
    const n = tokenizeCased(m[0]).length;
    if (n === 0 || first + n > tokens.length) continue;
    out.push({ first, last: first + n - 1, text: sentence.slice(m.index, m.index + m[0].length) });
  }
  return out;
}
