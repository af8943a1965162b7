/**
 * Finding date expressions in one sentence, before any resolution: calendar dates (chrono for day and
 * month, our own patterns for "avril 2021", "in november", "sinds 2013", "entre début 2020 et début 2021"),
 * relative phrases ("vorige week") and weekdays ("donderdag"). Overlapping finds keep the longest, and a
 * month followed by a relative year ("oktober vorig jaar") becomes one mention.
 */
import type { Lang } from '../types.js';
import { findChronoDates } from './chrono-dates.js';
import {
  CAPITALISED_ONLY_MONTHS,
  COUNTED_NOUNS,
  DIRECTION_AFTER,
  DIRECTION_BEFORE,
  FUTURE_MARKERS,
  MONTHS,
  MONTH_CUES,
  RELATIVE_PHRASES,
  WEEKDAYS,
  YEAR_CUES,
  type RelativeUnit,
} from './lexicon.js';

/** Which way a date without a year lies from the article: stated by a word, or left to the tense. */
export type Direction = 'past' | 'future' | 'auto';

interface Span {
  /** Offsets into the sentence. */
  readonly start: number;
  readonly end: number;
}

/** A calendar date with the parts the text states; `yearShift` from "vorig jaar"/"volgend jaar" after it. */
export interface CalendarMention extends Span {
  readonly kind: 'calendar';
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly endYear?: number;
  readonly endMonth?: number;
  readonly endDay?: number;
  readonly yearShift?: number;
  readonly direction: Direction;
}

/** "vorige maand": `offset` units from the article's date. */
export interface RelativeMention extends Span {
  readonly kind: 'relative';
  readonly unit: RelativeUnit;
  readonly offset: number;
}

/** "donderdag": a weekday near the article's date. */
export interface WeekdayMention extends Span {
  readonly kind: 'weekday';
  readonly weekday: number;
  readonly direction: Direction;
}

export type DateMention = CalendarMention | RelativeMention | WeekdayMention;

const MIN_YEAR = 1800;
const MAX_YEAR = 2099;
const YEAR = '(1[89]\\d\\d|20\\d\\d)';
/** Not inside a word or number. */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Pattern source with `'` matching both apostrophes. */
const apos = (s: string): string => s.replace(/'/g, "['’]");
const alternation = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => apos(escape(w))).join('|');

const endsWithCue = (cues: readonly string[]) => new RegExp(`(?:^|[^\\p{L}])(?:${alternation(cues)})\\s*$`, 'iu');
const YEAR_CUE_BEFORE = endsWithCue(YEAR_CUES);
const MONTH_CUE_BEFORE = endsWithCue(MONTH_CUES);

const MONTH_RE = new RegExp(`${B}(${alternation(MONTHS.keys())})(?:\\s+${YEAR})?${E}`, 'giu');
const WEEKDAY_RE = new RegExp(`${B}(${alternation(WEEKDAYS.keys())})${E}`, 'giu');
const YEAR_RE = new RegExp(`(?<![\\p{L}\\p{N}.,/])${YEAR}(?![\\p{L}\\p{N}]|[.,/:-]\\d|\\s*%)`, 'gu');
const EDGE = '(?:(?:begin|eind|midden|début|fin|early|late|mid)\\s+)?';
const YEAR_RANGE_RES = [
  new RegExp(`(?<![\\p{N}.,/])${YEAR}\\s*[-–]\\s*${YEAR}(?![\\p{N}])`, 'gu'),
  new RegExp(
    `${B}(?:van|tussen|vanaf|entre|de|du|depuis|from|between)\\s+${EDGE}${YEAR}\\s+` +
      apos(`(?:tot(?:\\s+en\\s+met)?|t/m|en|et|à|au|jusqu'en|jusqu'à|to|and|until|till|through)\\s+`) +
      `${EDGE}${YEAR}(?![\\p{N}])`,
    'giu',
  ),
];
const RELATIVE_RES: Readonly<Record<Lang, readonly { re: RegExp; unit: RelativeUnit; offset: number }[]>> = {
  nl: compileRelative('nl'),
  fr: compileRelative('fr'),
  en: compileRelative('en'),
};
/** A relative year right after a month: "oktober vorig jaar", "novembre de l'an dernier". */
const RELATIVE_YEAR_AFTER = new RegExp(
  `^\\s+(?:van\\s+|de\\s+|of\\s+)?(?:${(['nl', 'fr', 'en'] as const)
    .flatMap((l) => RELATIVE_PHRASES[l].filter((p) => p.unit === 'year').map((p) => apos(p.pattern)))
    .join('|')})${E}`,
  'iu',
);

function compileRelative(lang: Lang) {
  return RELATIVE_PHRASES[lang].map((p) => ({
    re: new RegExp(`${B}${apos(p.pattern)}${E}`, 'giu'),
    unit: p.unit,
    offset: p.offset,
  }));
}
/** One pass over a sentence tells whether any relative phrase is there (most sentences have none). */
const ANY_RELATIVE: Readonly<Record<Lang, RegExp>> = {
  nl: anyRelative('nl'),
  fr: anyRelative('fr'),
  en: anyRelative('en'),
};
function anyRelative(lang: Lang): RegExp {
  return new RegExp(`${B}(?:${RELATIVE_PHRASES[lang].map((p) => apos(p.pattern)).join('|')})${E}`, 'iu');
}

const inYearRange = (y: number): boolean => y >= MIN_YEAR && y <= MAX_YEAR;

/** The word after `end` is a counted noun ("2000 soldaten"): the number is a quantity. */
function countsSomething(text: string, end: number): boolean {
  const next = /^\s+(\p{L}+)/u.exec(text.slice(end));
  return next !== null && COUNTED_NOUNS.has((next[1] as string).toLowerCase());
}

/** "vorige donderdag", "novembre dernier", "next May": the direction words around a span say which one. */
function directionAround(text: string, start: number, end: number): Direction {
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - 20), start));
  const fromBefore = before ? DIRECTION_BEFORE.get((before[1] as string).toLowerCase()) : undefined;
  if (fromBefore) return fromBefore;
  const after = /^\s+([\p{L}.]+)/u.exec(text.slice(end));
  const word = after ? (after[1] as string).toLowerCase() : '';
  return DIRECTION_AFTER.get(word) ?? DIRECTION_AFTER.get(word.replace(/\.$/, '')) ?? 'auto';
}

function chronoMentions(text: string, lang: Lang): CalendarMention[] {
  return findChronoDates(text, lang).map((d) => ({
    kind: 'calendar',
    start: d.start,
    end: d.end,
    month: d.month,
    day: d.day,
    ...(d.year !== undefined ? { year: d.year } : {}),
    ...(d.endDay !== undefined ? { endDay: d.endDay, endMonth: d.endMonth ?? d.month } : {}),
    ...(d.endYear !== undefined ? { endYear: d.endYear } : {}),
    direction: directionAround(text, d.start, d.end),
  }));
}

/** "avril 2021" (absolute), or a month alone when a cue or direction word makes it a date ("in november"). */
function monthMentions(text: string): CalendarMention[] {
  const found: CalendarMention[] = [];
  for (const m of text.matchAll(MONTH_RE)) {
    const name = m[1] as string;
    const lower = name.toLowerCase();
    if (CAPITALISED_ONLY_MONTHS.has(lower) && name[0] === lower[0]) continue;
    const start = m.index;
    const end = start + m[0].length;
    const month = MONTHS.get(lower) as number;
    const year = m[2] === undefined ? undefined : Number(m[2]);
    if (year !== undefined) {
      found.push({ kind: 'calendar', start, end, year, month, direction: 'auto' });
      continue;
    }
    const direction = directionAround(text, start, end);
    const cued =
      MONTH_CUE_BEFORE.test(text.slice(Math.max(0, start - 30), start)) ||
      direction !== 'auto' ||
      RELATIVE_YEAR_AFTER.test(text.slice(end));
    if (cued) found.push({ kind: 'calendar', start, end, month, direction });
  }
  return found;
}

/** A bare year after a cue word ("sinds 2013", "en 2023", "mi-2021"), not a quantity ("1000 man", "Mirage 2000"). */
function yearMentions(text: string): CalendarMention[] {
  const found: CalendarMention[] = [];
  for (const m of text.matchAll(YEAR_RE)) {
    const year = Number(m[1]);
    const start = m.index;
    const end = start + m[0].length;
    if (!inYearRange(year) || countsSomething(text, end)) continue;
    if (!YEAR_CUE_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    found.push({ kind: 'calendar', start, end, year, direction: 'auto' });
  }
  return found;
}

/** "2020-2021", "van 2013 tot 2014", "entre début 2020 et début 2021". */
function yearRangeMentions(text: string): CalendarMention[] {
  const found: CalendarMention[] = [];
  for (const re of YEAR_RANGE_RES) {
    for (const m of text.matchAll(re)) {
      const year = Number(m[1]);
      const endYear = Number(m[2]);
      const end = m.index + m[0].length;
      if (!inYearRange(year) || !inYearRange(endYear) || endYear <= year || endYear - year > 100) continue;
      if (countsSomething(text, end)) continue;
      found.push({ kind: 'calendar', start: m.index, end, year, endYear, direction: 'auto' });
    }
  }
  return found;
}

function relativeMentions(text: string, lang: Lang): RelativeMention[] {
  if (!ANY_RELATIVE[lang].test(text)) return [];
  return RELATIVE_RES[lang].flatMap(({ re, unit, offset }) =>
    [...text.matchAll(re)].map((m) => ({
      kind: 'relative' as const,
      start: m.index,
      end: m.index + m[0].length,
      unit,
      offset,
    })),
  );
}

function weekdayMentions(text: string): WeekdayMention[] {
  const found: WeekdayMention[] = [];
  for (const m of text.matchAll(WEEKDAY_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    // "jeudi 10 juin": the date that follows is the mention (chrono's), not the weekday.
    if (/^\s+\d/u.test(text.slice(end))) continue;
    const weekday = WEEKDAYS.get((m[1] as string).toLowerCase()) as number;
    found.push({ kind: 'weekday', start, end, weekday, direction: directionAround(text, start, end) });
  }
  return found;
}

/** Keeps the longest of overlapping mentions (earlier finder wins a tie), in text order. */
function withoutOverlaps(mentions: readonly DateMention[]): DateMention[] {
  const kept: DateMention[] = [];
  const byLength = mentions
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.i - b.i);
  for (const { m } of byLength) {
    if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** "oktober vorig jaar", "27 februari volgend jaar": a month without a year and the relative year after it. */
function joinRelativeYears(text: string, mentions: readonly DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as DateMention;
    const next = mentions[i + 1];
    if (
      m.kind === 'calendar' &&
      m.year === undefined &&
      m.month !== undefined &&
      next?.kind === 'relative' &&
      next.unit === 'year' &&
      /^\s*(?:van\s+|de\s+|of\s+)?$/iu.test(text.slice(m.end, next.start))
    ) {
      out.push({ ...m, end: next.end, yearShift: next.offset });
      i++;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** The date expressions in one sentence of language `lang`, in text order, not yet resolved. */
export function findDateMentions(sentence: string, lang: Lang): DateMention[] {
  const hasYear = /\d{4}/.test(sentence);
  const all: DateMention[] = [
    ...chronoMentions(sentence, lang),
    ...(hasYear ? yearRangeMentions(sentence) : []),
    ...monthMentions(sentence),
    ...relativeMentions(sentence, lang),
    ...weekdayMentions(sentence),
    ...(hasYear ? yearMentions(sentence) : []),
  ];
  return joinRelativeYears(sentence, withoutOverlaps(all));
}

const futureRe = (lang: Lang): RegExp => new RegExp(`${B}${apos(FUTURE_MARKERS[lang])}${E}`, 'iu');
const FUTURE_RES: Readonly<Record<Lang, RegExp>> = { nl: futureRe('nl'), fr: futureRe('fr'), en: futureRe('en') };

/** Quoted speech: „…”, “…”, "…", «…». */
const QUOTED = /[„“"«][^„“”"«»]*[”"»]/gu;

/**
 * True when the sentence speaks of the future ("zal", "zou … moeten", "sera", "will"). Quoted speech
 * does not count: in "„Takuba moet de pijler worden”, zei Macron donderdag" the saying is past.
 */
export function isFutureTense(sentence: string, lang: Lang): boolean {
  return FUTURE_RES[lang].test(sentence.replace(QUOTED, ' '));
}
