/**
 * The only chrono-node user: calendar dates that name a day and a month ("24 mei", "1er au 6 février",
 * "February 17, 2022", "17/02/2022"), with the year when the text states it. Everything chrono infers
 * (implied years, relative phrases, weekdays, times) is ignored here: resolve.ts does that against the
 * article's date with rules we can test.
 */
import { createRequire } from 'node:module';
import type * as chrono from 'chrono-node';
import type { Lang } from '../types.js';
import { CAPITALISED_ONLY_MONTHS, MONTHS } from './lexicon.js';

/** A day-and-month date found by chrono; `endDay`/`endMonth` for a range. Offsets into the text. */
export interface ChronoDate {
  readonly start: number;
  readonly end: number;
  readonly year?: number;
  readonly month: number;
  readonly day: number;
  readonly endYear?: number;
  readonly endMonth?: number;
  readonly endDay?: number;
}

let parsers: Readonly<Record<Lang, chrono.Chrono>> | undefined;

/**
 * chrono-node's parsers, loaded on first use: loading it costs about a quarter of a second, which
 * `npm run ask` should not pay when the timeline events come from the cache.
 */
function PARSERS(): Readonly<Record<Lang, chrono.Chrono>> {
  if (!parsers) {
    const c = createRequire(import.meta.url)('chrono-node') as typeof chrono;
    parsers = { nl: c.nl.casual, fr: c.fr.casual, en: c.en.casual };
  }
  return parsers;
}

/** Fixed reference: chrono needs one, but none of its implied values are used. */
const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };

/** A numeric date with a four-digit year: "17/02/2022", "17.02.2022", "2022-02-17". */
const NUMERIC_WITH_YEAR = /\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2}/;

const MONTH_NAMES = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
/** A day number beside a month name: "24 mei", "1er au 6 février", "February 17", "5th of May". */
const DAY_AND_MONTH_HINT = new RegExp(
  `\\d(?:\\p{L}{1,3})?(?:\\s+of)?\\s+(?:${MONTH_NAMES})(?!\\p{L})|(?<!\\p{L})(?:${MONTH_NAMES})\\s+\\d`,
  'iu',
);

/** True when chrono's matched text names a month in words (respecting "May"/"March" capitalisation). */
function namesMonth(text: string): boolean {
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    const lower = word.toLowerCase();
    if (!MONTHS.has(lower)) continue;
    if (CAPITALISED_ONLY_MONTHS.has(lower) && word[0] === lower[0]) continue;
    return true;
  }
  return false;
}

function toChronoDate(r: chrono.ParsedResult): ChronoDate | null {
  if (r.tags().has('result/relativeDate')) return null;
  const s = r.start;
  if (!s.isCertain('month') || !s.isCertain('day')) return null;
  // "3/4 van de soldaten" is a fraction, not the 3rd of April: numbers need a year to be a date.
  if (!namesMonth(r.text) && !NUMERIC_WITH_YEAR.test(r.text)) return null;
  const get = (c: chrono.ParsedComponents, k: 'year' | 'month' | 'day') => (c.isCertain(k) ? c.get(k) ?? undefined : undefined);
  const month = get(s, 'month');
  const day = get(s, 'day');
  if (month === undefined || day === undefined) return null;
  const year = get(s, 'year');
  const e = r.end;
  const endMonth = e ? get(e, 'month') : undefined;
  const endDay = e ? get(e, 'day') : undefined;
  const endYear = e ? get(e, 'year') : undefined;
  return {
    start: r.index,
    end: r.index + r.text.length,
    month,
    day,
    ...(year !== undefined ? { year } : {}),
    ...(e && endDay !== undefined ? { endDay, endMonth: endMonth ?? month, ...(endYear !== undefined ? { endYear } : {}) } : {}),
  };
}

/**
 * Day-and-month dates in `text`. The passage language's parser finds all of them; the other languages'
 * parsers add only complete dates with a year (an English tweet signature in a French paragraph), so a
 * word of one language is never read as a month of another.
 */
export function findChronoDates(text: string, lang: Lang): ChronoDate[] {
  // Every date kept here is a day number next to a month name, or numeric with a year, and the other
  // languages' ones have a four-digit year: skipping sentences without them keeps chrono (the slow
  // part of extraction) off nearly every sentence.
  if (!DAY_AND_MONTH_HINT.test(text) && !NUMERIC_WITH_YEAR.test(text)) return [];
  const others = /\d{4}/.test(text) ? (['nl', 'fr', 'en'] as const).filter((l) => l !== lang) : [];
  const found: ChronoDate[] = [];
  const overlaps = (d: ChronoDate) => found.some((f) => d.start < f.end && f.start < d.end);
  for (const other of [lang, ...others]) {
    for (const r of PARSERS()[other].parse(text, REFERENCE, { forwardDate: false })) {
      const d = toChronoDate(r);
      if (!d || (other !== lang && d.year === undefined) || overlaps(d)) continue;
      found.push(d);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
