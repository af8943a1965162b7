/**
 * Is an answer written in the question's language? Detected with the project's language detector
 * (src/corpus/language.ts) on the answer without its citation markers, and only when the text says
 * enough: a short answer full of foreign names must not be taken for a foreign answer. Pure.
 */
import { detectLanguage, stopwordVotes } from '../corpus/language.js';
import type { Lang } from '../types.js';

/** Fewer words than this and the answer's language is not judged. */
const MIN_WORDS = 6;
/** Function words needed to judge (names and numbers are no evidence of a language). */
const MIN_STOPWORDS = 2;

/** The language the answer is written in when it is clearly not `lang`; undefined when it is `lang` or unclear. */
export function wrongLanguage(answer: string, lang: Lang): Lang | undefined {
  const text = answer.replace(/\[\d{1,3}(?:\s*,\s*\d{1,3})*\]/g, ' ');
  const { votes, words } = stopwordVotes(text);
  if (words < MIN_WORDS || votes.en + votes.nl + votes.fr < MIN_STOPWORDS) return undefined;
  const detected = detectLanguage(text, lang);
  return detected === lang ? undefined : detected;
}
