/**
 * Resolving a date mention against the article's date. Precision is honest: a date gets the precision
 * of what the text names, and never a day the article's date cannot supply (in an article dated only
 * `2021-06`, "vorige week" and "donderdag" are June 2021, month precision). `inferred` is true when any
 * part of the date comes from the article's date rather than the text.
 */
import type { DatePrecision } from '../types.js';
import {
  addDays,
  addMonths,
  compareCommon,
  formatDate,
  isValidDay,
  mondayOf,
  weekdayOf,
  type PartialDate,
  type ReferenceDate,
} from './calendar.js';
import type { CalendarMention, DateMention, Direction, RelativeMention, WeekdayMention } from './mentions.js';

/** A mention resolved to a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), with an inclusive end for a range. */
export interface ResolvedDate {
  readonly date: string;
  readonly end?: string;
  readonly precision: DatePrecision;
  readonly inferred: boolean;
}

const RANK: Readonly<Record<DatePrecision, number>> = { year: 0, month: 1, day: 2 };
const coarser = (a: DatePrecision, b: DatePrecision): DatePrecision => (RANK[a] <= RANK[b] ? a : b);
const precisionOfParts = (month?: number, day?: number): DatePrecision =>
  month === undefined ? 'year' : day === undefined ? 'month' : 'day';

function valid(d: PartialDate): boolean {
  if (d.month === undefined) return true;
  if (d.day === undefined) return d.month >= 1 && d.month <= 12;
  return isValidDay(d.year, d.month, d.day);
}

/**
 * The year of a month (and day) without one: the most recent not after the article (the article's own
 * month counts as not after), or with `future` the first not before it. `strict` (a direction word:
 * "novembre dernier", "next May") excludes the article's own month or day.
 */
function yearFor(month: number, day: number | undefined, ref: ReferenceDate, future: boolean, strict: boolean): number {
  const cmp = compareCommon({ year: ref.year, month, ...(day !== undefined ? { day } : {}) }, ref);
  if (future) return cmp < 0 || (strict && cmp === 0) ? ref.year + 1 : ref.year;
  return cmp > 0 || (strict && cmp === 0) ? ref.year - 1 : ref.year;
}

function resolveCalendar(m: CalendarMention, ref: ReferenceDate | null, future: boolean): ResolvedDate | null {
  let year = m.year;
  let inferred = false;
  if (year === undefined && m.endYear !== undefined && m.month !== undefined) {
    // "du 28 février au 3 mars 2022": the start takes the end's year (the one before if it wraps).
    year = m.month > (m.endMonth ?? m.month) ? m.endYear - 1 : m.endYear;
  }
  if (year === undefined) {
    if (ref === null || m.month === undefined) return null;
    const dir: Direction = m.direction === 'auto' ? (future ? 'future' : 'past') : m.direction;
    year =
      m.yearShift !== undefined
        ? ref.year + m.yearShift
        : yearFor(m.month, m.day, ref, dir === 'future', m.direction !== 'auto');
    inferred = true;
  }
  const start: PartialDate = { year, ...(m.month !== undefined ? { month: m.month } : {}), ...(m.day !== undefined ? { day: m.day } : {}) };
  if (!valid(start)) return null;
  let precision = precisionOfParts(m.month, m.day);
  if (m.endYear === undefined && m.endMonth === undefined && m.endDay === undefined) {
    return { date: formatDate(start, precision), precision, inferred };
  }
  const endMonth = m.endMonth ?? (m.endDay !== undefined ? m.month : undefined);
  const endYear =
    m.endYear ?? (endMonth !== undefined && m.month !== undefined && endMonth < m.month ? year + 1 : year);
  const end: PartialDate = { year: endYear, ...(endMonth !== undefined ? { month: endMonth } : {}), ...(m.endDay !== undefined ? { day: m.endDay } : {}) };
  if (!valid(end)) return null;
  precision = coarser(precision, precisionOfParts(endMonth, m.endDay));
  const date = formatDate(start, precision);
  const endDate = formatDate(end, precision);
  if (endDate < date) return null;
  return endDate === date ? { date, precision, inferred } : { date, end: endDate, precision, inferred };
}

/** The article's month, month precision: all a month-only article date can say of a nearby day or week. */
const articleMonth = (ref: ReferenceDate): ResolvedDate => ({
  date: formatDate(ref, 'month'),
  precision: 'month',
  inferred: true,
});

function resolveRelative(m: RelativeMention, ref: ReferenceDate | null): ResolvedDate | null {
  if (ref === null) return null;
  switch (m.unit) {
    case 'year':
      return { date: formatDate({ year: ref.year + m.offset }, 'year'), precision: 'year', inferred: true };
    case 'month':
      return { date: formatDate(addMonths(ref.year, ref.month, m.offset), 'month'), precision: 'month', inferred: true };
    case 'week': {
      if (ref.day === undefined) return articleMonth(ref);
      const monday = addDays(mondayOf({ ...ref, day: ref.day }), 7 * m.offset);
      return {
        date: formatDate(monday, 'day'),
        end: formatDate(addDays(monday, 6), 'day'),
        precision: 'day',
        inferred: true,
      };
    }
    case 'day':
      if (ref.day === undefined) return articleMonth(ref);
      return { date: formatDate(addDays({ ...ref, day: ref.day }, m.offset), 'day'), precision: 'day', inferred: true };
  }
}

/**
 * A bare weekday is the most recent one on or before the article's day (news reports the same day's
 * events by weekday), or with a future tense the first on or after it; "vorige"/"dernier" and
 * "volgende"/"prochain" exclude the article's own day.
 */
function resolveWeekday(m: WeekdayMention, ref: ReferenceDate | null, future: boolean): ResolvedDate | null {
  if (ref === null) return null;
  if (ref.day === undefined) return articleMonth(ref);
  const day = { ...ref, day: ref.day };
  const dir = m.direction === 'auto' ? (future ? 'future' : 'past') : m.direction;
  const strict = m.direction !== 'auto';
  const diff = (m.weekday - weekdayOf(day) + 7) % 7; // days forward to the weekday
  const offset = dir === 'future' ? (diff === 0 && strict ? 7 : diff) : diff === 0 ? (strict ? -7 : 0) : diff - 7;
  return { date: formatDate(addDays(day, offset), 'day'), precision: 'day', inferred: true };
}

/**
 * Resolves a mention against the article's date (null: undated article, so only dates with a stated
 * year resolve). `future` says the sentence speaks of the future, for months and weekdays without a
 * direction word. Null when the mention cannot be dated or names an impossible day.
 */
export function resolveMention(m: DateMention, ref: ReferenceDate | null, future: boolean): ResolvedDate | null {
  switch (m.kind) {
    case 'calendar':
      return resolveCalendar(m, ref, future);
    case 'relative':
      return resolveRelative(m, ref);
    case 'weekday':
      return resolveWeekday(m, ref, future);
  }
}
