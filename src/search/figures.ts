import { fold } from './text.js';

const UNITS_NL = 'een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|en';
const UNITS_FR = 'un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|et';
const UNITS_EN = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand';
/** A number written as a word: "zeshonderd", "veertigtal", "trentaine", "ninety". */
const NUMBER_WORD = new RegExp(
  `^(?:(?:${UNITS_NL})+(?:tal)?|(?:${UNITS_FR})(?:-?(?:${UNITS_FR}))*|(?:trent|quarant|cinquant|soixant|diz|douz|vingt|cent)aines?|milliers?|dozens?|(?:${UNITS_EN})(?:-(?:${UNITS_EN}))*)$`,
);
// Too common as other words to count as figures on their own.
const NOT_FIGURES = new Set(['een', 'en', 'un', 'une', 'et', 'one']);

/**
 * True for a token that states a quantity: digits or a number word in English, Dutch or French
 * ("55", "zeshonderd", "veertigtal", "trentaine", "ninety"). One definition for retrieval (does a
 * passage hold a figure?) and for the short answer (which token is the figure?).
 */
export function isFigure(token: string): boolean {
  // Most words are plain ASCII: folding (the costly part) only for the others.
  const lower = token.toLowerCase();
  const t = /^[\x00-\x7f]*$/.test(lower) ? lower : fold(lower);
  if (/^\d+([.,]\d+)?$/.test(t)) return true;
  return !NOT_FIGURES.has(t) && NUMBER_WORD.test(t);
}

