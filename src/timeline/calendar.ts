/**
 * Calendar arithmetic on plain year/month/day numbers (UTC, no time zones): formatting dates at a
 * precision, the day interval a date string covers, weekdays and week starts.
 */
import type { ArticleDate, DatePrecision } from '../types.js';
import { dayRange } from '../search/dates.js';

/** A calendar date known to some precision: `month` and `day` are present according to `precision`. */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** An article's date as numbers: `day` is absent for a month-precision date. */
export interface ReferenceDate {
  readonly year: number;
  readonly month: number;
  readonly day?: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when year/month/day name a real calendar day. */
export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` for `date` cut to `precision`. */
export function formatDate(date: PartialDate, precision: DatePrecision): string {
  const y = pad(date.year, 4);
  if (precision === 'year' || date.month === undefined) return y;
  if (precision === 'month' || date.day === undefined) return `${y}-${pad(date.month)}`;
  return `${y}-${pad(date.month)}-${pad(date.day)}`;
}

/** The precision a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string has. */
export function precisionOf(date: string): DatePrecision {
  return date.length <= 4 ? 'year' : date.length <= 7 ? 'month' : 'day';
}

/** The ArticleDate as numbers, or null when its iso string is malformed. */
export function referenceOf(date: ArticleDate): ReferenceDate | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date.iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined || date.precision === 'month') return { year, month };
  const day = Number(m[3]);
  return isValidDay(year, month, day) ? { year, month, day } : { year, month };
}

/** The inclusive day interval (`YYYY-MM-DD` strings) a YYYY, YYYY-MM or YYYY-MM-DD string covers; null if malformed. */
export const dayInterval: (date: string) => { start: string; end: string } | null = dayRange;

/** Adds `months` (may be negative) to a year/month pair. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Adds `days` (may be negative) to a day. */
export function addDays(date: Required<PartialDate>, days: number): Required<PartialDate> {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
export function weekdayOf(date: Required<PartialDate>): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The Monday starting the (ISO) week that holds `date`. */
export function mondayOf(date: Required<PartialDate>): Required<PartialDate> {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** Compares two dates on the fields both have (year, then month, then day): <0, 0 or >0. */
export function compareCommon(a: PartialDate, b: PartialDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === undefined || b.month === undefined) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === undefined || b.day === undefined) return 0;
  return a.day - b.day;
}
