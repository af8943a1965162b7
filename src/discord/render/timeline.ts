import type { APIEmbed } from 'discord.js';
import { packFor } from '../../language/index.js';
import type { TimelineEvent, TimelineQuery } from '../../types.js';
import { packPages } from './pages.js';
import { formatArticleDate } from '../../format.js';
import { code, maskedLink, plainWithin } from './markdown.js';

/** English month names for the headings, from the English pack. */
const MONTHS = packFor('en').months.map((m) => m.charAt(0).toUpperCase() + m.slice(1));

/**
 * Timeline events as pages of embeds, grouped by year and month, one numbered line per event (the
 * number of its mark on the chart) with its date, the sentence (or its summary) and the article it comes from.
 */
export function timelinePages(events: readonly TimelineEvent[], query: TimelineQuery): APIEmbed[] {
  const range = query.from || query.to ? ` (${query.from ?? '…'} → ${query.to ?? '…'})` : '';
  // The topic is the user's: shown literally (the dates were checked as YYYY[-MM[-DD]]).
  const title = `Timeline${query.topic ? `: ${plainWithin(query.topic, 200)}` : ''}${range}`;
  if (events.length === 0) {
    return [{ title, description: 'No dated events match. Try a broader topic or a wider date range.' }];
  }
  // Numbered in list order, as the marks of the attached chart are.
  const lines = events.map((e, i) => ({ headings: headingsOf(e), text: eventLine(e, i + 1) }));
  const pages = packPages(lines);
  return pages.map((description, i) => ({
    title,
    description,
    footer: { text: `${events.length} events · page ${i + 1} of ${pages.length} · ≈ = date inferred from the article` },
  }));
}

function headingsOf(e: TimelineEvent): string[] {
  const year = `### ${e.date.slice(0, 4)}`;
  if (e.precision === 'year') return [year];
  const month = Number(e.date.slice(5, 7));
  return [year, `**${MONTHS[month - 1] ?? e.date.slice(5, 7)}**`];
}

function eventLine(e: TimelineEvent, n: number): string {
  const when = `${e.inferred ? '≈' : ''}${e.date}${e.end ? `–${e.end}` : ''}`;
  const source = e.citations[0];
  const title = source ? plainWithin(source.title, 80) : '';
  const linked = source?.url ? (maskedLink(title, source.url) ?? title) : title;
  const cite = source ? ` — *${linked}*, ${formatArticleDate(source.date)}${e.citations.length > 1 ? ` (+${e.citations.length - 1})` : ''}` : '';
  return `**${n}.** ${code(when)} ${plainWithin(e.summary ?? e.text, 280)}${cite}`;
}
