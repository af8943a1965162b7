/**
 * The words date detection relies on, read from the language packs (src/language, `timeline`): month
 * and weekday names, relative phrases ("vorige week", "l'an dernier"), the words that make a bare
 * number a year ("sinds 2013"), and the markers of a future tense. Patterns are regular-expression
 * sources; `'` stands for either apostrophe.
 */
import { ALL_PACKS, monthNumbers, packFor, weekdayNumbers } from '../language/index.js';
import type { RelativePhrase } from '../language/types.js';
import { LANGS, type Lang } from '../types.js';

/** Month names (lower case, accented and unaccented) → 1-12, from the language packs. */
export const MONTHS: ReadonlyMap<string, number> = monthNumbers();

/** Month names that are also common words ("you may", "to march"): a month only when capitalised. */
export const CAPITALISED_ONLY_MONTHS: ReadonlySet<string> = new Set(ALL_PACKS.flatMap((p) => p.capitalisedOnlyMonths));

/** Weekday names → 0 (Sunday) … 6 (Saturday), from the language packs. */
export const WEEKDAYS: ReadonlyMap<string, number> = weekdayNumbers();

export type { RelativePhrase, RelativeUnit } from '../language/types.js';

/** The packs in the order their words were always read (nl, fr, en). */
const ORDERED = LANGS.map(packFor);

/** Relative phrases per language (only the passage's language is searched: French "hier" is Dutch "here"). */
export const RELATIVE_PHRASES: Readonly<Record<Lang, readonly RelativePhrase[]>> = Object.fromEntries(
  LANGS.map((l) => [l, packFor(l).timeline.relativePhrases]),
) as Record<Lang, readonly RelativePhrase[]>;

/** Words right before a year that make a bare number a year ("sinds 2013", "en 2023", "début 2020"). */
export const YEAR_CUES: readonly string[] = ORDERED.flatMap((p) => p.timeline.yearCues);

/** Words right before a month without a year that make it a date ("in november", "sinds augustus"). */
export const MONTH_CUES: readonly string[] = ORDERED.flatMap((p) => p.timeline.monthCues);

/** Words before a month or weekday saying it is the past or the coming one ("vorige donderdag", "next May"). */
export const DIRECTION_BEFORE: ReadonlyMap<string, 'past' | 'future'> = new Map(ORDERED.flatMap((p) => p.timeline.directionBefore));

/** Words after a month or weekday saying the same ("novembre dernier", "jeudi prochain", "maandag jl."). */
export const DIRECTION_AFTER: ReadonlyMap<string, 'past' | 'future'> = new Map(ORDERED.flatMap((p) => p.timeline.directionAfter));

/** Nouns a number counts ("1000 man", "2000 soldats"): a year-like number before one is a quantity. */
export const COUNTED_NOUNS: ReadonlySet<string> = new Set(ORDERED.flatMap((p) => p.timeline.countedNouns));

/**
 * Future-tense markers per language: a month or weekday without a year in a sentence that has one is
 * the coming one ("Het verplaatsen zou in juni voltooid moeten zijn" in February → June of this year).
 */
export const FUTURE_MARKERS: Readonly<Record<Lang, string>> = Object.fromEntries(LANGS.map((l) => [l, packFor(l).timeline.futureMarker])) as Record<Lang, string>;
