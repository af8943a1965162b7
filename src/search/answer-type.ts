import type { Lang } from '../types.js';
import { isFigure } from './figures.js';
import { isQueryStopword } from './stopwords.js';
import { alternation, ALL_PACKS } from '../language/index.js';
import { fold, foldText } from './text.js';

/**
 * What a question asks for, read from its question words in English, Dutch and French: the kind of
 * answer (a figure, a date, a person, a place, a name), what a "how many" or "which" question is about,
 * and whether it asks why or what something is called. One module, so that retrieval's answer-type
 * boost and the keyless answerer read a question the same way. Pure.
 */

/** What kind of answer a question wants, from its question words (en/nl/fr). */
export type AnswerType = 'number' | 'date' | 'person' | 'place' | 'other';

/** What a short answer is looked for as: the question types plus "name" for which/welk/quel and naming questions. */
export type SpanKind = Exclude<AnswerType, 'other'> | 'name';

/** The words that ask for a quantity ("how big" asks for a figure too), from the language packs. */
const QUANTITY = alternation(ALL_PACKS, (p) => p.questionWords.number);

/** The question words of a "which X" question, before the noun it asks about. */
const WHICH = alternation(ALL_PACKS, (p) => p.whichWords);

const PATTERNS: readonly (readonly [AnswerType, RegExp])[] = (['number', 'date', 'person', 'place'] as const).map((kind) => [
  kind,
  new RegExp(`\\b(?:${alternation(ALL_PACKS, (p) => p.questionWords[kind])})\\b`),
]);

/** A question folded the way every pattern here reads it: lower case, no accents, straight apostrophes. */
const folded = foldText;

/** Classifies a question by its question words; 'other' when none is recognised. */
export function answerType(question: string): AnswerType {
  const q = folded(question);
  for (const [type, re] of PATTERNS) if (re.test(q)) return type;
  // "Quelle est la date limite…", "What is the number of…", "Wat is de stad…": the noun says it.
  const noun = WHICH_NOUN.exec(q)?.[1];
  return (noun !== undefined && NOUN_TYPES.get(noun)) || 'other';
}

/** Nouns after which/what that name the kind of answer. */
const NOUN_TYPES: ReadonlyMap<string, AnswerType> = new Map(
  (['date', 'number', 'place'] as const).flatMap((kind) => ALL_PACKS.flatMap((p) => p.kindNouns[kind].map((w) => [w, kind] as const))),
);

/** A question asking what something is called: "Comment s'appelait l'opération…", "Hoe heet…". */
const NAMING = /\b(?:comment s'appel|hoe (?:heet|heette|heten|noemt|noemde)|what (?:is|was|are|were)\b.*\bcalled\b)/;

/** The words of a naming question that say a name is asked for; they are not looked for in the sentences. */
export const NAMING_WORDS: readonly string[] = ALL_PACKS.flatMap((p) => p.namingWords);

export const isNamingQuestion = (question: string): boolean => NAMING.test(folded(question));

/** "Who is/was…", "Wie is…", "Qui est…": a question asking who holds a title, not who did something. */
export const isIdentityQuestion = (question: string): boolean =>
  /^\W*(?:who|wie|qui)\s+(?:is|was|are|were|zijn|waren|est|etait|sont|etaient)\b/.test(folded(question));

/** "Why…", and the questions that ask for a cause without the word: "What prompted Macron to…", "Qu'est-ce qui a poussé Macron à…". */
export const isWhyQuestion = (question: string): boolean => WHY.test(folded(question));
const WHY =
  /^\W*(?:why|waarom|pourquoi|what (?:prompted|led|caused|made|drove|pushed|motivated)|wat (?:bracht|bewoog|dreef)|qu'est-ce qui a (?:pousse|conduit|amene|mene|incite|motive))\b/;

/** What short answer the question asks for, or null for a question answered by a description. */
export function spanKind(question: string): SpanKind | null {
  const type = answerType(question);
  if (type !== 'other') return type;
  const q = folded(question);
  if (NAMING.test(q)) return 'name';
  if (!WHICH_WORD.test(q) || HAPPENED.test(q)) return null;
  // "Quel rôle joue le Niger ?", "What reason…": the noun asks for a description, not a name.
  const noun = WHICH_NOUN.exec(q)?.[1];
  return noun !== undefined && DESCRIPTION_NOUNS.has(noun) ? null : 'name';
}

/** "What happened to…", "Wat gebeurde er met…", "Que s'est-il passé…": an event, told by a sentence, not a name. */
const HAPPENED = /\b(?:what (?:happened|happens|has happened)|wat (?:gebeurde|gebeurt|is er gebeurd)|que s'est-il passe|qu'est-il arrive)\b/;
const WHICH_WORD = new RegExp(`\\b(?:${WHICH}|lequel|laquelle|lesquel(?:le)?s)\\b`);
/** The noun after which/what ("quel rôle", "what is the reason"). */
const WHICH_NOUN = new RegExp(`\\b(?:${WHICH})\\s+(?:(?:is|was|are|were|est|sont|etait|zijn|waren)\\s+)?(?:(?:the|de|het|le|la|les|l')\\s*)?([a-z]+)`);

/** Nouns a which/what question asks about that a description answers, not a name, from the packs. */
const DESCRIPTION_NOUNS: ReadonlySet<string> = new Set(ALL_PACKS.flatMap((p) => p.descriptionNouns));

const HEADS = { count: new RegExp(`\\b(?:${QUANTITY})\\s+`), which: new RegExp(`\\b(?:${WHICH})\\s+`) } as const;

/**
 * What a "how many" question counts (`count`): the words right after the quantity word, up to three
 * and up to the first function word or modal verb ("How many Czech soldiers served…" → czech,
 * soldiers, served; "Hoeveel soldaten wilde Estland…" → soldaten); or (`which`) what a "which"
 * question asks about ("Which Russian group sent…" → russian, group, sent). Folded tokens; [] when
 * the question has no such word.
 */
export function countedPhrase(question: string, head: keyof typeof HEADS = 'count'): string[] {
  const q = folded(question);
  const m = HEADS[head].exec(q);
  if (!m) return [];
  const out: string[] = [];
  for (const w of q.slice(m.index + m[0].length).split(/[^a-z0-9]+/)) {
    if (w === '') continue;
    if (isQueryStopword(w)) break;
    out.push(w);
    if (out.length === 3) break;
  }
  return out;
}

/**
 * A noun that names the kind of answer after a question word or article ("on what date", "op welke
 * dag", "the number of", "le nombre de"): the answer is a date or a figure, the sentence rarely says
 * "date" or "number". Folded.
 */
/** The type nouns (NOUN_TYPES' dates and figures) after a question word or an article. */
const TYPE_NOUN = new RegExp(
  `\\b(?:${WHICH}|the|het|le|la|a|an|een|un|une)\\s+(${[...NOUN_TYPES].filter(([, type]) => type !== 'place').map(([w]) => w).join('|')})\\b`,
  'g',
);

export function typeNouns(question: string): string[] {
  return [...folded(question).matchAll(TYPE_NOUN)].map((m) => m[1]!);
}

/** Month and weekday names of every pack, folded: a sentence holding one may give a date. */
const MONTH = new RegExp(`\\b(${alternation(ALL_PACKS, (p) => [...p.months, ...p.weekdays].map((w) => fold(w)))})\\b`);

/** True when a sentence of a `lang` text holds what the answer type asks for (a number, a date, a name). */
export function sentenceFits(type: AnswerType, sentence: string, lang: Lang): boolean {
  switch (type) {
    case 'number':
      // Folding a passage is the costly part: a digit answers "how many" without it.
      if (/\d/.test(sentence)) return true;
      return sentence.split(/[^\p{L}-]+/u).some((w) => w.length > 2 && isFigure(w, lang));
    case 'date': {
      const folded = foldText(sentence);
      return MONTH.test(folded) || /\b(1[89]|20)\d\d\b/.test(folded);
    }
    case 'person':
    case 'place':
      // A capitalised word that does not start the sentence.
      return /\S\s+\p{Lu}\p{Ll}/u.test(sentence);
    case 'other':
      return false;
  }
}

/**
 * The words of a question that only describe one of its nouns: those after a relative pronoun
 * ("the coup in Mali **that led Macron to end Barkhane**", "de coup **die ertoe leidde dat…**", "le
 * chef **qui a assuré…**"), not in the clause before it. They say which thing is meant, not what is
 * asked about it, so they weigh less. A pronoun among the question's first two words is its question
 * word ("Which group…", "Qui a…"). Folded.
 */
export function relativeClauseWords(question: string): ReadonlySet<string> {
  const q = folded(question);
  const opening = /^\W*\S+\s+\S+/.exec(q)?.[0].length ?? 0;
  // "say that France would leave": after a verb of saying or thinking, *that* opens what was said, not a description.
  const m = [...q.slice(opening).matchAll(RELATIVE)].find((x) => !(x[2] === 'that' && SAYING.test(x[1]!)));
  if (!m) return new Set();
  const at = opening + m.index + m[1]!.length + 1;
  const main = new Set(q.slice(0, at).split(/[^a-z0-9]+/));
  return new Set(q.slice(at).split(/[^a-z0-9]+/).filter((w) => w !== '' && !main.has(w) && !isQueryStopword(w)));
}

/** A word followed by a relative pronoun of any pack. */
const RELATIVE = new RegExp(`(\\S+)\\s+(${alternation(ALL_PACKS, (p) => p.relativePronouns)})\\b`, 'g');

/** Verbs of saying, knowing and thinking, after which *that* introduces a clause, from the packs. */
const SAYING = new RegExp(`^(?:${alternation(ALL_PACKS, (p) => p.sayingVerbs)})$`);
