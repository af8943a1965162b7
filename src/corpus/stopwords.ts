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
