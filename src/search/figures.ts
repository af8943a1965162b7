import type { Lang } from '../types.js';
import { NUMBER_WORD_PARTS } from './number-words.js';
import { fold } from './text.js';

const parts = (lang: Lang) => NUMBER_WORD_PARTS[lang].join('|');
/** A number written as a word, by language: "zeshonderd", "veertigtal"; "trentaine", "quatre-vingt"; "ninety". */
const NUMBER_WORD: Record<Lang, RegExp> = {
  // Dutch "en" only joins units ("vijfenvijftig"): "vieren", "achten", "tienen" are verbs and a town.
  nl: new RegExp(`^(?:${parts('nl')})(?:(?:en)?(?:${parts('nl')}))*(?:tal)?$`),
  fr: new RegExp(`^(?:(?:${parts('fr')})(?:-?(?:${parts('fr')}))*|(?:trent|quarant|cinquant|soixant|diz|douz|vingt|cent)aines?|milliers?)$`),
  en: new RegExp(`^(?:(?:${parts('en')})(?:-(?:${parts('en')}))*|dozens?)$`),
};
// Too common as other words to count as figures on their own.
const NOT_FIGURES = new Set(['een', 'un', 'une', 'et', 'one']);

/**
 * True for a token of a `lang` text that states a quantity: digits or a number word of that language
 * ("55", "zeshonderd", "veertigtal", "trentaine", "ninety"; Dutch "onze" is "our", not 11). One
 * definition for retrieval (does a passage hold a figure?) and for the short answer (which token is it?).
 */
export function isFigure(token: string, lang: Lang): boolean {
  // Most words are plain ASCII: folding (the costly part) only for the others.
  const lower = token.toLowerCase();
  const t = /^[\x00-\x7f]*$/.test(lower) ? lower : fold(lower);
  if (/^\d+([.,]\d+)?$/.test(t)) return true;
  return !NOT_FIGURES.has(t) && NUMBER_WORD[lang].test(t);
}

