/** The seed header: an optional ` date YYYY-MM[-DD] ` prefix before the article text. */
import type { ArticleDate } from '../types.js';

// Leading spaces/tabs optional; the date must be followed by whitespace or the end of the text.
const HEADER = /^\uFEFF?[ \t]*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s|$)[ \t]*/;

/** Days in `month` (1–12) of `year`, leap years included. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Splits a raw file into its header date and the article body. A header whose month or day is
 * impossible (`date 2021-13`) gives no date, keeps the text as it is, and says what is wrong in `bad`
 * (the loader reports the file rather than index it silently undated).
 */
export function parseHeader(raw: string): { date: ArticleDate | null; body: string; bad?: string } {
  const m = HEADER.exec(raw);
  if (!m) return { date: null, body: raw };
  const [whole, y, mo, d] = m as unknown as [string, string, string, string | undefined];
  const year = Number(y);
  const month = Number(mo);
  const header = `date ${y}-${mo}${d === undefined ? '' : `-${d}`}`;
  if (month < 1 || month > 12) return { date: null, body: raw, bad: `bad date header "${header}": there is no month ${mo}` };
  if (d !== undefined) {
    const day = Number(d);
    if (day < 1 || day > daysInMonth(year, month)) return { date: null, body: raw, bad: `bad date header "${header}": ${y}-${mo} has no day ${d}` };
  }
  const date: ArticleDate =
    d === undefined
      ? { iso: `${y}-${mo}`, precision: 'month', inferred: false }
      : { iso: `${y}-${mo}-${d}`, precision: 'day', inferred: false };
  return { date, body: raw.slice(whole.length) };
}
