import { ALL_PACKS, alternation, packFor } from '../language/index.js';
import { foldText, tokenizeCased } from '../search/text.js';
import type { Lang } from '../types.js';

/**
 * The named signals that judge a keyless answer: each a number, each computed by a pure function of
 * the question, the sentence and its passage. The fitted model (src/answer/fitted-model.ts) combines
 * them into the probability that the answer is right; `npm run calibrate` fits its weights.
 */
export const FEATURES = [
  /** The hand-set combination the candidates are ordered by (src/answer/confidence.ts). */
  'heuristic',
  /** Weighted share of the question's terms in the sentence and its neighbours. */
  'coverage',
  /** Share of what the question asks about (its common words) beside the sentence; 1 when it asks about names only. */
  'focus',
  /** The short answer's neighbourhood match (0 when the question wants a span and none was found). */
  'span',
  /** The best candidate span's match, for any question that wants a span. */
  'shortMatch',
  /** Share of the question (by weight) that no passage of the corpus has a word for. */
  'unknown',
  /** Share of the question's names the answering document does not name. */
  'missingAnchors',
  /** 1 when the sentence holds no figure or date a how-many or when question asks for, or none of what is counted. */
  'noSpan',
  /** 1 when the sentence gives the question's noun another owner ("De Franse president" for Mali's). */
  'otherOwner',
  /** The passage's retrieval score relative to the top hit's. */
  'retrieval',
  /** The passage's place in the ranking, 0 (first) to 1 (eighth). */
  'passageRank',
  /** How far the first passage's retrieval score leads the second's, relative to the first (0 with one passage). */
  'retrievalGap',
  /** Words between the short answer and the nearest word of the question in its sentence, over 12 (1 with no span or none near). */
  'anchorDistance',
  /** Share of the next best candidates (up to five) from other articles that give the same short answer. */
  'otherArticlesAgree',
  /** 1 when the short answer or reason was taken from a neighbouring sentence. */
  'neighbourSpan',
  /** How far the best candidate leads the second (ordering score). */
  'margin',
  /** Share of the next best candidates (up to five) that give the same short answer. */
  'agreement',
  /** Share of the next best candidates (up to five) from the same article. */
  'sameArticle',
  /** 1 when the figure is stated as a plan or intent and the question asks for a fact, or the reverse. */
  'modalityMismatch',
  /** 1 when another candidate gives a different figure for what a how-many question counts. */
  'figuresDiffer',
  /** For who-questions naming a role ("the president of Mali"): 1 when the sentence says the person holds it. */
  'roleHeld',
  /** 1 when the question names a role whose holder it asks for. */
  'roleAsked',
  /** The question's kind of answer, one-hot (a question wanting none of these has all zero). */
  'kindNumber',
  'kindDate',
  'kindPerson',
  'kindPlace',
  'kindName',
  'kindWhy',
  /** Number of the question's searched terms, over 8 (at most 1). */
  'questionSize',
  /** 1 when the quoted sentence is in another language than the question. */
  'crossLingual',
] as const;

export type Feature = (typeof FEATURES)[number];

/** One value per named feature. */
export type Evidence = Readonly<Record<Feature, number>>;

/** Token positions [first, last] of `span` in `text`, or null when its tokens are not there in a row. */
export function spanPosition(text: string, span: string): readonly [number, number] | null {
  const tokens = tokenizeCased(text).map(foldText);
  const want = tokenizeCased(span).map(foldText);
  if (want.length === 0) return null;
  for (let i = 0; i + want.length <= tokens.length; i++) {
    if (want.every((w, k) => tokens[i + k] === w)) return [i, i + want.length - 1];
  }
  return null;
}

/** Words before a figure read for its modality: "het is de bedoeling dat Takuba uitgroeit tot … tweeduizend". */
const MODALITY_WINDOW = 10;

const regexOf = (sources: string) => new RegExp(`(?<![\\p{L}\\d])(?:${sources})(?![\\p{L}])`, 'gu');

const intentRe = (lang: Lang) => regexOf(alternation([packFor(lang)], (p) => p.intent));
const presentRe = (lang: Lang) => regexOf(alternation([packFor(lang)], (p) => p.present));
const anyIntentRe = new RegExp(regexOf(alternation(ALL_PACKS, (p) => p.intent)).source, 'u');

/** Last index at which `re` matches in `text`, or -1. */
function lastMatch(re: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index;
  return at;
}

/**
 * Whether the figure `span` of sentence `text` (language `lang`) is stated as a plan, an intent or an
 * expectation: an intent marker among the words before it, nearer than any marker of the present
 * ("de huidige 5100 manschappen naar circa 2500-3000": 5100 is now, 2500-3000 the plan). Pure.
 */
export function statedAsIntent(text: string, span: string, lang: Lang): boolean {
  const at = spanPosition(text, span);
  if (!at) return false;
  const before = tokenizeCased(text).slice(Math.max(0, at[0] - MODALITY_WINDOW), at[0]).map(foldText).join(' ');
  const intent = lastMatch(intentRe(lang), before);
  return intent >= 0 && intent > lastMatch(presentRe(lang), before);
}

/** Whether a question asks for a plan or expectation ("How many soldiers will Takuba have?", "doit compter"). Pure. */
export function asksForIntent(question: string): boolean {
  return anyIntentRe.test(foldText(question));
}

/** Words either side of a role's noun within which its owner must stand ("president van Mali", "Malinese president"). */
const ROLE_WINDOW = 3;

/**
 * For "Wie is de president van Mali?": whether the sentence says the person `span` holds the role —
 * the role's noun beside the name ("President Emmanuel Macron", "Assimi Goïta, président de la
 * transition") and the role's owner beside the noun. `isHead` and `isOwner` say whether a word of
 * the sentence is the question's noun or owner (by stem or translation). Pure.
 */
export function holdsRole(text: string, span: string, isHead: (word: string) => boolean, isOwner: (word: string) => boolean): boolean {
  const at = spanPosition(text, span);
  if (!at) return false;
  const words = tokenizeCased(text);
  const inSpan = (i: number) => i >= at[0] && i <= at[1];
  const find = (from: number, to: number, test: (w: string) => boolean, except: (i: number) => boolean) => {
    for (let i = Math.max(0, from); i <= Math.min(words.length - 1, to); i++) if (!except(i) && test(words[i]!)) return i;
    return -1;
  };
  const heads = [find(at[0] - ROLE_WINDOW, at[0] - 1, isHead, inSpan), find(at[1] + 1, at[1] + ROLE_WINDOW, isHead, inSpan)].filter((i) => i >= 0);
  // The owner is not the person: it stands beside the noun, outside the name.
  return heads.some((head) => find(head - ROLE_WINDOW, head + ROLE_WINDOW, isOwner, (i) => i === head || inSpan(i)) >= 0);
}

/** Words between a span and the question's words read as far (the distance is capped there). */
export const ANCHOR_FAR = 12;

/**
 * Words between the span and the nearest word of `text` that `isAsked` (a word of the question), over
 * ANCHOR_FAR and at most 1; 1 when the span is not in the text or no question word is. A figure right
 * beside what the question names ("55 Franse soldaten gesneuveld") is more likely the one asked for
 * than one at the far end of a long sentence. Pure.
 */
export function anchorDistance(text: string, span: string, isAsked: (word: string) => boolean): number {
  const at = spanPosition(text, span);
  if (!at) return 1;
  const words = tokenizeCased(text);
  let best = ANCHOR_FAR;
  words.forEach((w, i) => {
    if (i >= at[0] && i <= at[1]) return;
    const d = i < at[0] ? at[0] - i : i - at[1];
    if (d < best && isAsked(w)) best = d;
  });
  return Math.min(1, best / ANCHOR_FAR);
}
