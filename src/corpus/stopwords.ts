/**
 * The `stopword` package's lists for the languages Griot knows, as sets.
 * `stopword` ships no type declarations, so it is loaded through `createRequire`
 * (its CommonJS build) and typed here once.
 */
import { createRequire } from 'node:module';
import type { Lang } from '../types.js';

const require = createRequire(import.meta.url);
const lists = require('stopword') as Record<'nld' | 'fra' | 'eng', readonly string[]>;

const SETS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  nl: new Set(lists.nld),
  fr: new Set(lists.fra),
  en: new Set(lists.eng),
};

/** Lower-case stopwords of `lang` (from the `stopword` package). */
export function stopwordsFor(lang: Lang): ReadonlySet<string> {
  return SETS[lang];
}

/**
 * Question words by language, lower-case as written. The stopword lists lack most of them, yet in a
 * question of three words ("Hoeveel kost Barkhane?", "Waar ligt Kidal?") they are the only evidence
 * of its language; queries drop them (search/stopwords.ts).
 */
const QUESTION_WORDS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'many', 'much', 'does', 'did', 'do']),
  nl: new Set(['wat', 'welk', 'welke', 'wie', 'wanneer', 'waar', 'waarom', 'hoe', 'hoeveel', 'hoelang', 'waarheen', 'vanwaar']),
  fr: new Set(['quoi', 'quel', 'quelle', 'quels', 'quelles', 'qui', 'quand', 'où', 'pourquoi', 'comment', 'combien', 'lequel', 'laquelle', 'lesquels', 'lesquelles']),
};

/** Lower-case question words of `lang`. */
export function questionWordsFor(lang: Lang): ReadonlySet<string> {
  return QUESTION_WORDS[lang];
}
