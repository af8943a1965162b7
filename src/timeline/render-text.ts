/** The timeline as terminal text: events under year headings, one line each, cited by document id. */
import type { TimelineEvent } from '../types.js';

/** Shown when no event matches. */
export const NO_EVENTS_TEXT = 'No dated events found.';

const dateLabel = (e: TimelineEvent): string => (e.end ? `${e.date}..${e.end}` : e.date);

/**
 * Renders events in the order given (sort them first): a year heading before each new year, then
 * `  N. DATE  text (inferred)  [docId, …]`, numbered as the marks of `--png`'s chart, the summary
 * replacing the sentence when there is one.
 * Dates resolved from the article's date are marked "(inferred)".
 */
export function renderTimelineText(events: readonly TimelineEvent[]): string {
  if (events.length === 0) return NO_EVENTS_TEXT;
  const width = Math.max(...events.map((e) => dateLabel(e).length));
  const numberWidth = String(events.length).length + 1;
  const lines: string[] = [];
  let year = '';
  for (const [i, e] of events.entries()) {
    const y = e.date.slice(0, 4);
    if (y !== year) {
      if (lines.length > 0) lines.push('');
      lines.push(y);
      year = y;
    }
    const text = (e.summary ?? e.text).replace(/\s+/g, ' ').trim();
    const sources = [...new Set(e.citations.map((c) => c.docId))].join(', ');
    lines.push(`  ${`${i + 1}.`.padStart(numberWidth)} ${dateLabel(e).padEnd(width)}  ${text}${e.inferred ? ' (inferred)' : ''}  [${sources}]`);
  }
  return lines.join('\n');
}
