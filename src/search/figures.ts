import type { Lang } from '../types.js';
import { fold } from './text.js';

// Dutch "en" only joins units ("vijfenvijftig"): "vieren", "achten", "tienen" are verbs and a town.
const UNITS_NL = 'een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend';
const UNITS_FR = 'un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|et';
const UNITS_EN = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand';
/** A number written as a word, by language: "zeshonderd", "veertigtal"; "trentaine", "quatre-vingt"; "ninety". */
const NUMBER_WORD: Record<Lang, RegExp> = {
  nl: new RegExp(`^(?:${UNITS_NL})(?:(?:en)?(?:${UNITS_NL}))*(?:tal)?$`),
  fr: new RegExp(`^(?:(?:${UNITS_FR})(?:-?(?:${UNITS_FR}))*|(?:trent|quarant|cinquant|soixant|diz|douz|vingt|cent)aines?|milliers?)$`),
  en: new RegExp(`^(?:(?:${UNITS_EN})(?:-(?:${UNITS_EN}))*|dozens?)$`),
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

