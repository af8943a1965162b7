/**
 * Publication dates as pages write them → `YYYY[-MM[-DD]]` with their precision. Pure functions.
 * The calendar date is taken as written (a `2021-02-15T23:30:00-05:00` article is from the 15th where it was
 * published), never shifted to UTC and never replaced by the day it was fetched.
 */
import type { DatePrecision } from '../types.js';

export interface FoundDate {
  readonly date: string;
  readonly precision: DatePrecision;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1800 || y > 2200) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function build(y: number, m?: number, d?: number): FoundDate | null {
  if (!valid(y, m, d)) return null;
  if (m === undefined) return { date: String(y), precision: 'year' };
  if (d === undefined) return { date: `${y}-${pad(m)}`, precision: 'month' };
  return { date: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' };
}

/**
 * Reads a machine-written date: ISO 8601 (`2021-02-15`, `2021-02-15T10:00:00+01:00`, `2021-02`, `2021`, `20210215`),
 * RFC 2822 (`Mon, 15 Feb 2021 10:00:00 GMT`), a Unix timestamp in seconds or milliseconds. Null for anything else.
 */
export function parseMachineDate(value: string | null | undefined): FoundDate | null {
  if (!value) return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(s);
  if (m) return build(Number(m[1]));
  m = /^(\d{10}|\d{13})$/.exec(s);
  if (m) {
    const ms = m[1]!.length === 10 ? Number(m[1]) * 1000 : Number(m[1]);
    const d = new Date(ms);
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  // RFC 2822 / English month names: "Mon, 15 Feb 2021 10:00:00 GMT", "15 February 2021", "February 15, 2021".
  m = /\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[2]!.toLowerCase()]) return build(Number(m[3]), MONTHS[m[2]!.toLowerCase()], Number(m[1]));
  m = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[1]!.toLowerCase()]) return build(Number(m[3]), MONTHS[m[1]!.toLowerCase()], Number(m[2]));
  return null;
}

/** A date in the article's address (`/2021/02/15/…`, `/2021-02-15-…`, `/20210215/…`, `/2021/02/…`); inferred, not stated. */
export function dateFromUrl(url: string | null): FoundDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/_.-]|$)/.exec(path);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/.exec(path);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\/((?:19|20)\d{2})\/(\d{1,2})\//.exec(path);
  if (m) return build(Number(m[1]), Number(m[2]));
  return null;
}
