import { packFor } from '../language/index.js';
import { LANGS, type Lang } from '../types.js';
import { foldText } from './text.js';

/**
 * Numbers written as words, read from the language packs (`numbers`): the one vocabulary that recognising a
 * figure (search/figures.ts), reading its value for a short answer ("zeshonderd" → 600,
 * "quatre-vingt-dix" → 90, "veertigtal" and "une trentaine" → about 40, 30) and checking an LLM's
 * figures against its sources (grounding.ts) share. Pure.
 */
export interface NumberValue {
  readonly value: number;
  /** "veertigtal", "trentaine": a round figure, not a count. */
  readonly approximate: boolean;
}

/** How each language's number words begin (three letters): most words are rejected by this alone. */
const STARTS: ReadonlyMap<Lang, ReadonlySet<string>> = new Map(LANGS.map((l) => [l, new Set(packFor(l).numbers.parts.map((w) => w.slice(0, 3)))]));

/** Scale words after a figure, in every language: "cinq mille", "5 thousand", "twee miljoen". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map(LANGS.flatMap((l) => packFor(l).numbers.scales));

/**
 * The value of a number word (one token, French and English parts joined by hyphens) of `lang`, or of
 * any language when `lang` is not given (read in the order nl, fr, en: Dutch "onze" is "our", French
 * 11); null for other words and for "een"/"un"/"one" (articles too). The words and how they compound
 * are the language packs' (`numbers`).
 */
export function numberWordValue(word: string, lang?: Lang): NumberValue | null {
  // Most words are plain ASCII: folding (the costly part, on retrieval's path through isFigure) only for the others.
  const lower = word.toLowerCase();
  const w = /^[a-z-]*$/.test(lower) ? lower : foldText(lower);
  if (w === '' || /\d/.test(w) || (lang !== undefined && !STARTS.get(lang)!.has(w.slice(0, 3)))) return null;
  const langs = lang === undefined ? LANGS : [lang];
  for (const l of langs) {
    const v = packFor(l).numbers.approximate(w);
    if (v !== null) return { value: v, approximate: true };
  }
  for (const l of langs) {
    const v = packFor(l).numbers.exact(w);
    if (v !== null) return v === 1 ? null : { value: v, approximate: false };
  }
  return null;
}
