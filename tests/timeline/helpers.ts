/** Tiny hand-built documents for timeline tests: one passage per paragraph, language given. */
import type { ArticleDate, Document, Lang, Passage, TimelineEvent } from '../../src/types.js';
import { extractEvents } from '../../src/timeline/extract.js';

/** An article date from `YYYY-MM` or `YYYY-MM-DD`, as the header would give it. */
export function articleDate(iso: string): ArticleDate {
  return { iso, precision: iso.length === 7 ? 'month' : 'day', inferred: false };
}

/** A document whose paragraphs (split on blank lines) are its passages. */
export function docOf(text: string, date: string | null, lang: Lang, id = 'doc'): Document {
  const passages: Passage[] = [];
  let offset = 0;
  for (const para of text.split('\n\n')) {
    const start = text.indexOf(para, offset);
    passages.push({ id: `${id}#${passages.length}`, docId: id, index: passages.length, text: para, start, end: start + para.length, lang });
    offset = start + para.length;
  }
  return {
    id,
    file: `${id}.txt`,
    date: date === null ? null : articleDate(date),
    title: text.slice(0, 40),
    lang,
    hash: 'test',
    passageCount: passages.length,
    text,
    passages,
  };
}

/** The events of `text` in an article dated `date` (null: undated). */
export function eventsIn(text: string, date: string | null, lang: Lang): TimelineEvent[] {
  return extractEvents(docOf(text, date, lang));
}

/** Just the date fields of each event, for compact assertions. */
export function datesIn(text: string, date: string | null, lang: Lang) {
  return eventsIn(text, date, lang).map((e) => ({
    date: e.date,
    ...(e.end !== undefined ? { end: e.end } : {}),
    precision: e.precision,
    inferred: e.inferred,
  }));
}
