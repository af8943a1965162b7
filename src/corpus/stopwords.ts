/**
 * The `stopword` package's lists for the languages Griot knows, as sets.
 * `stopword` ships no type declarations, so it is loaded through `createRequire`
 * (its CommonJS build) and typed here once.
 */
import { createRequire } from 'node:module';
import { packFor } from '../language/index.js';
import { LANGS, type Lang } from '../types.js';

const require = createRequire(import.meta.url);
const lists = require('stopword') as Record<string, readonly string[] | undefined>;

/** Each language's list, named by its pack (`stopwordList`). */
const SETS: ReadonlyMap<Lang, ReadonlySet<string>> = new Map(
  LANGS.map((lang) => {
    const list = lists[packFor(lang).stopwordList];
    if (!list) throw new Error(`src/language/${lang}.ts: the stopword package has no list "${packFor(lang).stopwordList}"; name one of its lists (e.g. "deu")`);
    return [lang, new Set(list)];
  }),
);

/** Lower-case stopwords of `lang` (from the `stopword` package). */
export function stopwordsFor(lang: Lang): ReadonlySet<string> {
  return SETS.get(lang)!;
}

/** Lower-case question words of `lang` (its pack's `questionWordForms`): in a question of three words the only evidence of its language. */
export function questionWordsFor(lang: Lang): ReadonlySet<string> {
  return new Set(packFor(lang).questionWordForms);
}
