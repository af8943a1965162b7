import type { Lang } from '../types.js';
import { foldText } from './text.js';

/**
 * Numbers written as words in Dutch, French and English: the one vocabulary that recognising a
 * figure (search/figures.ts), reading its value for a short answer ("zeshonderd" → 600,
 * "quatre-vingt-dix" → 90, "veertigtal" and "une trentaine" → about 40, 30) and checking an LLM's
 * figures against its sources (grounding.ts) share. Pure.
 */
export interface NumberValue {
  readonly value: number;
  /** "veertigtal", "trentaine": a round figure, not a count. */
  readonly approximate: boolean;
}

const NL_UNITS: Record<string, number> = {
  een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
  dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19,
};
const NL_TENS: Record<string, number> = { twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90 };

const FR_WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
};
const EN_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const FR_ROUND: Record<string, number> = {
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100,
};

/** How each language's number words begin (three letters): most words are rejected by this alone. */
const STARTS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  nl: new Set([...Object.keys(NL_UNITS), ...Object.keys(NL_TENS), 'honderd', 'duizend', 'miljoen'].map((w) => w.slice(0, 3))),
  fr: new Set([...Object.keys(FR_WORDS), ...Object.keys(FR_ROUND), 'cent', 'mille', 'millier'].map((w) => w.slice(0, 3))),
  en: new Set([...Object.keys(EN_WORDS), 'hundred', 'thousand', 'dozen'].map((w) => w.slice(0, 3))),
};

/** Scale words after a figure, in every language: "cinq mille", "5 thousand", "twee miljoen". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['honderd', 100], ['cent', 100], ['cents', 100],
  ['thousand', 1000], ['duizend', 1000], ['mille', 1000],
  ['million', 1e6], ['millions', 1e6], ['miljoen', 1e6],
]);

/**
 * The value of a number word (one token, French and English parts joined by hyphens) of `lang`, or of
 * any of the three languages when `lang` is not given; null for other words and for "een"/"un"/"one"
 * (articles too). In Dutch "onze" is "our", in French 11.
 */
export function numberWordValue(word: string, lang?: Lang): NumberValue | null {
  // Most words are plain ASCII: folding (the costly part, on retrieval's path through isFigure) only for the others.
  const lower = word.toLowerCase();
  const w = /^[a-z-]*$/.test(lower) ? lower : foldText(lower);
  if (w === '' || /\d/.test(w) || (lang !== undefined && !STARTS[lang].has(w.slice(0, 3)))) return null;
  const reads = (l: Lang) => lang === undefined || lang === l;
  const round = /^(.+?)s?$/.exec(w)![1]!;
  if (reads('fr') && FR_ROUND[round] !== undefined) return { value: FR_ROUND[round]!, approximate: true };
  if (reads('fr') && round === 'millier') return { value: 1000, approximate: true };
  if (reads('en') && round === 'dozen') return { value: 12, approximate: true };
  // Dutch "veertigtal", "honderdtal": about that many.
  if (reads('nl') && w.endsWith('tal') && w.length > 5) {
    const v = dutch(w.slice(0, -3));
    return v === null ? null : { value: v, approximate: true };
  }
  const v = (reads('nl') ? dutch(w) : null) ?? (reads('fr') ? french(w) : null) ?? (reads('en') ? english(w) : null);
  return v === null || v === 1 ? null : { value: v, approximate: false };
}

/** A Dutch number word: "tweeduizend", "zeshonderdvijftig", "eenentwintig". */
function dutch(w: string): number | null {
  if (w === '') return null;
  for (const [word, scale] of [['miljoen', 1_000_000], ['duizend', 1000], ['honderd', 100]] as const) {
    const at = w.indexOf(word);
    if (at < 0) continue;
    const left = w.slice(0, at);
    const right = w.slice(at + word.length);
    const times = left === '' ? 1 : dutch(left);
    const rest = right === '' ? 0 : dutch(right);
    return times === null || rest === null ? null : times * scale + rest;
  }
  if (NL_UNITS[w] !== undefined) return NL_UNITS[w]!;
  if (NL_TENS[w] !== undefined) return NL_TENS[w]!;
  // "vijfenvijftig": unit + en + tens.
  const m = /^(.+?)(?:en|ën)(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/.exec(w);
  if (m && NL_UNITS[m[1]!] !== undefined && NL_UNITS[m[1]!]! < 10) return NL_UNITS[m[1]!]! + NL_TENS[m[2]!]!;
  return null;
}

/** A French number word, its parts joined by hyphens: "quatre-vingt-dix", "deux-mille", "trois-cents". */
function french(w: string): number | null {
  let total = 0;
  let current = 0;
  for (const part of w.split('-')) {
    if (part === 'et') continue;
    if (part === 'cent' || part === 'cents') current = (current || 1) * 100;
    else if (part === 'mille') {
      total += (current || 1) * 1000;
      current = 0;
    } else if ((part === 'vingt' || part === 'vingts') && current % 100 === 4) current = current - 4 + 80; // quatre-vingt
    else if (FR_WORDS[part] !== undefined) current += FR_WORDS[part]!;
    else return null;
  }
  const v = total + current;
  return v > 0 ? v : null;
}

/** An English number word, its parts joined by hyphens: "forty-five", "hundred", "thousand". */
function english(w: string): number | null {
  let total = 0;
  for (const part of w.split('-')) {
    if (part === 'hundred') total = (total || 1) * 100;
    else if (part === 'thousand') total = (total || 1) * 1000;
    else if (EN_WORDS[part] !== undefined) total += EN_WORDS[part]!;
    else return null;
  }
  return total > 0 ? total : null;
}
