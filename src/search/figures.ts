import type { Lang } from '../types.js';
import { numberWordValue } from './number-words.js';

/**
 * True for a token of a `lang` text that states a quantity: digits or a number word of that language
 * ("55", "zeshonderd", "veertigtal", "trentaine", "ninety"; Dutch "onze" is "our", not 11). One
 * definition for retrieval (does a passage hold a figure?) and for the short answer (which token is it?).
 */
export function isFigure(token: string, lang: Lang): boolean {
  return /^\d+([.,]\d+)?$/.test(token) || numberWordValue(token, lang) !== null;
}
