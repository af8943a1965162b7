/** The words charts print, per language: months, titles, legends. Data only. */
import type { Lang } from '../types.js';

/** Short month names, January first, as each language abbreviates them in running text. */
export const SHORT_MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
};

export interface ChartWords {
  readonly timeline: string;
  readonly events: (n: number) => string;
  readonly inferred: string;
  readonly noEvents: string;
  readonly questionsPerDay: (days: number) => string;
  readonly answered: string;
  readonly refused: string;
  readonly added: string;
}

export const CHART_WORDS: Readonly<Record<Lang, ChartWords>> = {
  en: {
    timeline: 'Timeline',
    events: (n) => `${n} event${n === 1 ? '' : 's'}, numbered as in the list`,
    inferred: 'pale: date inferred from the article',
    noEvents: 'No dated events match.',
    questionsPerDay: (d) => `Questions per day, last ${d} day${d === 1 ? '' : 's'}`,
    answered: 'answered',
    refused: 'refused',
    added: 'articles added',
  },
  nl: {
    timeline: 'Tijdlijn',
    events: (n) => `${n} gebeurtenis${n === 1 ? '' : 'sen'}, genummerd zoals in de lijst`,
    inferred: 'licht: datum afgeleid uit het artikel',
    noEvents: 'Geen gedateerde gebeurtenissen gevonden.',
    questionsPerDay: (d) => `Vragen per dag, laatste ${d} dag${d === 1 ? '' : 'en'}`,
    answered: 'beantwoord',
    refused: 'geweigerd',
    added: 'artikelen toegevoegd',
  },
  fr: {
    timeline: 'Chronologie',
    events: (n) => `${n} événement${n === 1 ? '' : 's'}, numérotés comme dans la liste`,
    inferred: 'pâle : date déduite de l’article',
    noEvents: 'Aucun événement daté ne correspond.',
    questionsPerDay: (d) => `Questions par jour, ${d} dernier${d === 1 ? '' : 's'} jour${d === 1 ? '' : 's'}`,
    answered: 'répondues',
    refused: 'refusées',
    added: 'articles ajoutés',
  },
};

/** The chart language for a Discord locale ('nl', 'fr', 'en-US', …): Dutch, French, else English. */
export function langOfLocale(locale: string | null | undefined): Lang {
  const base = (locale ?? '').toLowerCase().slice(0, 2);
  return base === 'nl' || base === 'fr' ? base : 'en';
}
