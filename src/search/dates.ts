import type { ArticleDate } from '../types.js';
import { ALL_PACKS, monthNumbers } from '../language/index.js';
import { fold } from './text.js';

/** An inclusive day interval as ISO strings (they compare correctly as strings). */
export interface DayRange {
  readonly start: string;
  readonly end: string;
}

/** The forms a date bound may take, for messages. */
export const DATE_BOUND_FORMS = 'YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021, 2021-06 or 2021-06-10)';

/** Thrown for a date bound that is not YYYY, YYYY-MM or YYYY-MM-DD. */
export class DateBoundError extends Error {
  constructor(value: string, side: 'from' | 'to') {
    super(`"${value}" is not a valid ${side} date: use ${DATE_BOUND_FORMS}.`);
    this.name = 'DateBoundError';
  }
}

const BOUND = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The days a YYYY, YYYY-MM or YYYY-MM-DD string covers, or null when it is not one of those. */
export function dayRange(value: string): DayRange | null {
  const m = BOUND.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m as unknown as [string, string, string | undefined, string | undefined];
  if (mo === undefined) return { start: `${y}-01-01`, end: `${y}-12-31` };
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (d === undefined) return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${String(last).padStart(2, '0')}` };
  const day = Number(d);
  if (day < 1 || day > last) return null;
  return { start: `${y}-${mo}-${d}`, end: `${y}-${mo}-${d}` };
}

/** Parses a from/to bound: `from` takes the first day it covers, `to` the last (so to=2021 includes December). */
export function parseBound(value: string, side: 'from' | 'to'): string {
  const range = dayRange(value);
  if (!range) throw new DateBoundError(value, side);
  return side === 'from' ? range.start : range.end;
}

/** True when an article date overlaps [from, to]; undated articles fall outside every range. */
export function dateInRange(date: ArticleDate | null, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  const range = dayRange(date.iso);
  if (!range) return false;
  return (!from || range.end >= from) && (!to || range.start <= to);
}

const MONTHS = monthNumbers(ALL_PACKS, { abbreviations: true });

/** A date a question refers to ("the October 2021 article"), and the words that said it. */
export interface DateReference {
  /** Multiplies the score of passages from articles of that month (×factor²) or year (×factor). */
  readonly boost: (date: ArticleDate | null) => number;
  /** The most `boost` multiplies by (a passage of that month). */
  readonly maxBoost: number;
  /** Folded month-name tokens of "month year" pairs: they refer to a time, not to words of the text. */
  readonly monthTokens: ReadonlySet<string>;
  /** Years named with a month. */
  readonly yearTokens: ReadonlySet<string>;
  /** The months named with a year, as `YYYY-MM`. */
  readonly months: ReadonlySet<string>;
}

/**
 * When a question names a month and year or a year ("the October 2021 article"), passages from
 * articles of that date rank higher. Returns null when the question names no date.
 */
export function dateReference(query: string, factor = 1.5): DateReference | null {
  const words = fold(query.toLowerCase()).split(/[^a-z0-9]+/);
  const years = new Set<string>();
  const months = new Set<string>();
  const monthTokens = new Set<string>();
  const yearTokens = new Set<string>();
  words.forEach((w, i) => {
    if (/^(19|20)\d\d$/.test(w)) {
      years.add(w);
      const before = words[i - 1] ?? '';
      const month = MONTHS.get(before);
      if (month) {
        months.add(`${w}-${String(month).padStart(2, '0')}`);
        monthTokens.add(before);
        yearTokens.add(w);
      }
    }
  });
  if (years.size === 0) return null;
  return {
    monthTokens,
    yearTokens,
    months,
    maxBoost: factor * factor,
    boost: (date) => {
      if (!date) return 1;
      if (months.has(date.iso.slice(0, 7))) return factor * factor;
      return years.has(date.iso.slice(0, 4)) ? factor : 1;
    },
  };
}
