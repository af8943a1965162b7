/**
 * The words date detection relies on, per language: month and weekday names, relative phrases
 * ("vorige week", "l'an dernier"), the words that make a bare number a year ("sinds 2013"), and the
 * markers of a future tense. Patterns are regular-expression sources; `'` stands for either apostrophe.
 */
import { ALL_PACKS, monthNumbers, weekdayNumbers } from '../language/index.js';
import type { Lang } from '../types.js';

/** Month names (lower case, accented and unaccented) → 1-12, from the language packs. */
export const MONTHS: ReadonlyMap<string, number> = monthNumbers();

/** Month names that are also common words ("you may", "to march"): a month only when capitalised. */
export const CAPITALISED_ONLY_MONTHS: ReadonlySet<string> = new Set(ALL_PACKS.flatMap((p) => p.capitalisedOnlyMonths));

/** Weekday names → 0 (Sunday) … 6 (Saturday), from the language packs. */
export const WEEKDAYS: ReadonlyMap<string, number> = weekdayNumbers();

/** A unit a relative phrase counts in. */
export type RelativeUnit = 'day' | 'week' | 'month' | 'year';

/** A relative phrase: `offset` units from the article's date ("vorige maand" = month −1). */
export interface RelativePhrase {
  readonly pattern: string;
  readonly unit: RelativeUnit;
  readonly offset: number;
}

/** Relative phrases per language (only the passage's language is searched: French "hier" is Dutch "here"). */
export const RELATIVE_PHRASES: Readonly<Record<Lang, readonly RelativePhrase[]>> = {
  nl: [
    { pattern: 'eergisteren', unit: 'day', offset: -2 },
    { pattern: 'gisteren', unit: 'day', offset: -1 },
    { pattern: '(?:vorige|afgelopen|verleden) week', unit: 'week', offset: -1 },
    { pattern: '(?:eerder |later )?deze week', unit: 'week', offset: 0 },
    { pattern: '(?:volgende|komende) week', unit: 'week', offset: 1 },
    { pattern: '(?:vorige|afgelopen|verleden) maand', unit: 'month', offset: -1 },
    { pattern: '(?:eerder |later )?deze maand', unit: 'month', offset: 0 },
    { pattern: '(?:volgende|komende) maand', unit: 'month', offset: 1 },
    { pattern: '(?:vorig|verleden|afgelopen) jaar', unit: 'year', offset: -1 },
    { pattern: '(?:eerder |later )?dit jaar', unit: 'year', offset: 0 },
    { pattern: '(?:volgend|volgende|komend) jaar', unit: 'year', offset: 1 },
  ],
  fr: [
    { pattern: 'avant-hier', unit: 'day', offset: -2 },
    { pattern: 'hier', unit: 'day', offset: -1 },
    { pattern: '(?:la )?semaine (?:dernière|passée)', unit: 'week', offset: -1 },
    { pattern: '(?:plus tôt )?cette semaine', unit: 'week', offset: 0 },
    { pattern: '(?:la )?semaine prochaine', unit: 'week', offset: 1 },
    { pattern: '(?:le )?mois (?:dernier|passé)', unit: 'month', offset: -1 },
    // "ce mois de novembre" names a month: not "this month".
    { pattern: "(?:plus tôt )?ce mois(?:-ci)?(?!\\s+d(?:e|'))", unit: 'month', offset: 0 },
    { pattern: '(?:le )?mois prochain', unit: 'month', offset: 1 },
    { pattern: "(?:l'an|l'année|de l'année) (?:dernier|dernière|passé|passée)", unit: 'year', offset: -1 },
    { pattern: '(?:plus tôt )?cette année', unit: 'year', offset: 0 },
    { pattern: "(?:l'an|l'année|de l'année) (?:prochain|prochaine)", unit: 'year', offset: 1 },
  ],
  en: [
    { pattern: 'the day before yesterday', unit: 'day', offset: -2 },
    { pattern: 'yesterday', unit: 'day', offset: -1 },
    { pattern: 'last week', unit: 'week', offset: -1 },
    { pattern: '(?:earlier |later )?this week', unit: 'week', offset: 0 },
    { pattern: 'next week', unit: 'week', offset: 1 },
    { pattern: 'last month', unit: 'month', offset: -1 },
    { pattern: '(?:earlier |later )?this month', unit: 'month', offset: 0 },
    { pattern: 'next month', unit: 'month', offset: 1 },
    { pattern: 'last year', unit: 'year', offset: -1 },
    { pattern: '(?:earlier |later )?this year', unit: 'year', offset: 0 },
    { pattern: 'next year', unit: 'year', offset: 1 },
  ],
};

/** Words right before a year that make a bare number a year ("sinds 2013", "en 2023", "début 2020"). */
export const YEAR_CUES: readonly string[] = [
  // nl
  'in', 'sinds', 'sedert', 'vanaf', 'tot', 't/m', 'voor', 'vóór', 'na', 'eind', 'einde', 'begin', 'midden',
  'medio', 'half', 'rond', 'omstreeks', 'uiterlijk', 'tegen', 'jaar', 'anno', 'zomer', 'winter', 'lente',
  'herfst', 'voorjaar', 'najaar',
  // fr
  'en', 'depuis', 'dès', "jusqu'en", 'avant', 'après', 'début', 'fin', 'mi-', 'courant', 'année', 'vers',
  "d'ici", "l'an", 'printemps', 'été', 'automne', 'hiver',
  // en
  'since', 'by', 'until', 'till', 'before', 'after', 'early', 'late', 'mid-', 'mid', 'year', 'around',
  'spring', 'summer', 'autumn', 'fall',
];

/** Words right before a month without a year that make it a date ("in november", "sinds augustus"). */
export const MONTH_CUES: readonly string[] = [
  // nl
  'in', 'sinds', 'sedert', 'vanaf', 'tot', 'eind', 'einde', 'begin', 'half', 'medio', 'midden', 'na', 'voor',
  'vóór', 'afgelopen', 'vorige', 'volgende', 'komende', 'aanstaande', 'per',
  // fr
  'en', 'depuis', 'dès', "jusqu'en", "jusqu'à", 'fin', 'début', 'mi-', 'courant', 'avant', 'après', 'mois de',
  "mois d'",
  // en
  'since', 'until', 'till', 'by', 'early', 'late', 'mid-', 'mid', 'last', 'next', 'this', 'before', 'after',
  'from', 'during',
];

/** Words before a month or weekday saying it is the past or the coming one ("vorige donderdag", "next May"). */
export const DIRECTION_BEFORE: ReadonlyMap<string, 'past' | 'future'> = new Map([
  ['vorige', 'past'], ['afgelopen', 'past'], ['verleden', 'past'], ['last', 'past'],
  ['volgende', 'future'], ['komende', 'future'], ['aanstaande', 'future'], ['next', 'future'],
]);

/** Words after a month or weekday saying the same ("novembre dernier", "jeudi prochain", "maandag jl."). */
export const DIRECTION_AFTER: ReadonlyMap<string, 'past' | 'future'> = new Map([
  ['dernier', 'past'], ['passé', 'past'], ['jongstleden', 'past'], ['jl.', 'past'],
  ['prochain', 'future'], ['aanstaande', 'future'], ['a.s.', 'future'],
]);

/** Nouns a number counts ("1000 man", "2000 soldats"): a year-like number before one is a quantity. */
export const COUNTED_NOUNS: ReadonlySet<string> = new Set([
  'man', 'mensen', 'personen', 'soldaten', 'militairen', 'manschappen', 'doden', 'slachtoffers', 'troepen',
  'strijders', 'leden', 'euro', 'dollar', 'km', 'kilometer', 'keer', 'stuks', 'ton',
  'hommes', 'soldats', 'militaires', 'morts', 'personnes', 'victimes', 'euros', 'dollars', 'fois',
  'combattants', 'membres', 'kilomètres', 'tonnes',
  'people', 'soldiers', 'troops', 'dead', 'times', 'men', 'fighters', 'members', 'dollars', 'tons',
]);

/**
 * Future-tense markers per language: a month or weekday without a year in a sentence that has one is
 * the coming one ("Het verplaatsen zou in juni voltooid moeten zijn" in February → June of this year).
 */
export const FUTURE_MARKERS: Readonly<Record<Lang, string>> = {
  nl: '(?:zal|zullen|zult|zou|zouden|moet|moeten|gaat|gaan|gepland|verwacht|komende|volgende|aanstaande|uiterlijk)',
  fr:
    "(?:sera|seront|aura|auront|va|vont|doit|doivent|devra|devront|devrait|devraient|prévu|prévue|prévus|prévues|" +
    "prochain|prochaine|d'ici|\\p{L}{3,}(?:eront|iront|dront|era|ira|dra))",
  en: "(?:will|would|shall|going to|plans? to|planned|scheduled|expected|due to|next|upcoming|\\p{L}+'ll)",
};
