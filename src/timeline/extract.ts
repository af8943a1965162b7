/**
 * Dated events from a document: every sentence (or clause) that carries a date expression, resolved
 * against the article's date. Pure: runs at index time over parsed documents.
 */
import { createHash } from 'node:crypto';
import { splitSentences, type Sentence } from '../corpus/sentences.js';
import type { Document, EventCitation, Passage, TimelineEvent } from '../types.js';
import { referenceOf } from './calendar.js';
import { mergeEvents } from './merge.js';
import { findDateMentions, isFutureTense, type DateMention } from './mentions.js';
import { resolveMention, type ResolvedDate } from './resolve.js';

/** Stable id: the same sentence at the same place with the same date gets the same id on every index. */
function eventId(docId: string, passageId: string, offset: number, r: ResolvedDate, text: string): string {
  return createHash('sha256')
    .update([docId, passageId, String(offset), r.date, r.end ?? '', text].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

/** Embedded-tweet links are noise in a timeline line. */
const cleanText = (text: string): string =>
  text
    .replace(/\s*pic\.twitter\.com\/\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Boundaries between clearly separate clauses: semicolons, spaced dashes, ", but"/", mais"/", maar", … */
const CLAUSE_BREAK = /\s*;\s+|\s+[—–]\s+|,\s+(?=(?:maar|terwijl|mais|alors que|tandis que|but|while|whereas)\s)/giu;

/** Sentence pieces between clause boundaries, as offsets into the sentence. */
function clauses(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

/** "… (@EmmanuelMacron) February 17, 2022": a tweet signature; the date belongs to the tweet before it. */
const TWEET_SIGNATURE_BEFORE = /\(@\w{1,15}\)\s*$/u;

/**
 * The words an event shows: the sentence; the clause holding the date when the sentence's dates sit in
 * separate clauses; the whole tweet when the date is a tweet's signature.
 */
function eventText(passage: Passage, sentence: Sentence, mention: DateMention, all: readonly DateMention[]): string {
  if (TWEET_SIGNATURE_BEFORE.test(sentence.text.slice(0, mention.start))) {
    return cleanText(passage.text.slice(0, sentence.start + mention.end));
  }
  if (all.length > 1) {
    const parts = clauses(sentence.text);
    const home = (m: DateMention) => parts.findIndex((p) => m.start >= p.start && m.start < p.end);
    const homes = new Set(all.map(home));
    if (homes.size === all.length) {
      const p = parts[home(mention)];
      if (p) return cleanText(sentence.text.slice(p.start, p.end).replace(/[,;:]\s*$/u, ''));
    }
  }
  return cleanText(sentence.text);
}

/**
 * The dated events of one document, in text order. Dates are resolved against `doc.date`; an undated
 * document (`date: null`) yields only dates whose year its text states. One sentence yields one event
 * per distinct date it names.
 */
export function extractEvents(doc: Document): TimelineEvent[] {
  const ref = doc.date ? referenceOf(doc.date) : null;
  const events: TimelineEvent[] = [];
  for (const passage of doc.passages) {
    const citation: EventCitation = { docId: doc.id, passageId: passage.id, date: doc.date, title: doc.title, ...(doc.url ? { url: doc.url } : {}) };
    for (const sentence of splitSentences(passage.text)) {
      const mentions = findDateMentions(sentence.text, passage.lang);
      if (mentions.length === 0) continue;
      const future = isFutureTense(sentence.text, passage.lang);
      const resolved = mentions
        .map((m) => ({ m, r: resolveMention(m, ref, future) }))
        .filter((x): x is { m: DateMention; r: ResolvedDate } => x.r !== null);
      const seen = new Set<string>();
      for (const { m, r } of resolved) {
        const key = `${r.date}/${r.end ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const text = eventText(passage, sentence, m, resolved.map((x) => x.m));
        const offset = passage.start + sentence.start;
        events.push({
          id: eventId(doc.id, passage.id, offset, r, text),
          date: r.date,
          ...(r.end !== undefined ? { end: r.end } : {}),
          precision: r.precision,
          inferred: r.inferred,
          text,
          lang: passage.lang,
          citations: [citation],
        });
      }
    }
  }
  return events;
}

/** The events of a whole corpus, the same event told by several articles merged into one. */
export function extractCorpusEvents(docs: readonly Document[]): TimelineEvent[] {
  return mergeEvents(docs.flatMap(extractEvents));
}
