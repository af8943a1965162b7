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
