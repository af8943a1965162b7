import { fold } from '../search/text.js';
import type { Lang } from '../types.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { LanguagePack } from './types.js';

export type { LanguagePack } from './types.js';

/** The packs of the languages Griot reads, by code. */
export const PACKS: Readonly<Record<Lang, LanguagePack>> = { en, nl, fr };

/** The pack of a language. */
export const packFor = (lang: Lang): LanguagePack => PACKS[lang];

/** Every pack, for what is read in any language (a date in a French sentence of a Dutch corpus). */
export const ALL_PACKS: readonly LanguagePack[] = Object.values(PACKS);

/** One regex alternation of a field over packs (longest first, so "vorig jaar" wins over "jaar"). */
export function alternation(packs: readonly LanguagePack[], field: (p: LanguagePack) => readonly string[]): string {
  return [...new Set(packs.flatMap(field))].sort((a, b) => b.length - a.length).join('|');
}

/**
 * Month names of the packs → 1-12: as written and folded ("février", "fevrier"), with the
 * abbreviations when asked for.
 */
export function monthNumbers(packs: readonly LanguagePack[] = ALL_PACKS, options: { abbreviations?: boolean } = {}): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const p of packs) {
    p.months.forEach((m, i) => {
      out.set(m, i + 1);
      out.set(fold(m), i + 1);
    });
    if (options.abbreviations) for (const [a, n] of p.monthAbbreviations) out.set(a, n);
  }
  return out;
}

/** Weekday names of the packs → 0 (Sunday) … 6 (Saturday), as written and folded. */
export function weekdayNumbers(packs: readonly LanguagePack[] = ALL_PACKS): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const p of packs)
    p.weekdays.forEach((d, i) => {
      out.set(d, (i + 1) % 7);
      out.set(fold(d), (i + 1) % 7);
    });
  return out;
}
