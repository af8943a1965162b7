import type { Answer, Citation, SearchHit } from '../types.js';
import { answerNotice } from '../answer/notices.js';
import { formatArticleDate, shorten } from '../format.js';


/** One line of a Sources list: "[1] 2021-06 · Title · docId". */
export function sourceLine(c: Citation): string {
  return `[${c.n}] ${formatArticleDate(c.date)} · ${c.title} · ${c.docId}`;
}

/** The terminal rendering of an answer: text, Sources, and how it was made. */
export function renderAnswer(answer: Answer, llmConfigured: boolean): string {
  const lines = [answer.text];
  if (answer.citations.length > 0) {
    lines.push('', 'Sources:', ...answer.citations.map(sourceLine));
  }
  const notice = answerNotice(answer, llmConfigured);
  if (notice) lines.push('', notice);
  return lines.join('\n');
}

/** The terminal rendering of search results. */
export function renderHits(query: string, hits: readonly SearchHit[]): string {
  if (hits.length === 0) return `No passage matches "${query}".`;
  return hits
    .map((h, i) => {
      const text = shorten(h.passage.text, 300);
      return `${i + 1}. ${h.passage.id}  score ${h.score.toFixed(2)}  ${formatArticleDate(h.doc.date)} · ${h.doc.title}\n   ${text}`;
    })
    .join('\n\n');
}

/** The JSON shape of `ask --json` (see README). */
export function answerJson(answer: Answer): Record<string, unknown> {
  return {
    question: answer.question,
    answer: answer.text,
    mode: answer.mode,
    refused: answer.refused,
    lang: answer.lang,
    id: answer.id,
    citations: answer.citations.map((c) => ({
      n: c.n,
      docId: c.docId,
      passageId: c.passageId,
      date: c.date?.iso ?? null,
      title: c.title,
      url: c.url ?? null,
      site: c.site ?? null,
      text: c.text,
      ...(c.quote !== undefined ? { quote: c.quote } : {}),
    })),
    ...(answer.llm ? { llm: answer.llm } : {}),
    ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
    ...(answer.remarks ? { remarks: answer.remarks } : {}),
    timings: roundTimings(answer.timings),
  };
}

/** The JSON shape of `search --json`. */
export function hitsJson(query: string, hits: readonly SearchHit[]): Record<string, unknown> {
  return {
    query,
    results: hits.map((h) => ({
      docId: h.doc.id,
      passageId: h.passage.id,
      score: Number(h.score.toFixed(4)),
      date: h.doc.date?.iso ?? null,
      title: h.doc.title,
      url: h.doc.url ?? null,
      site: h.doc.site ?? null,
      text: h.passage.text,
    })),
  };
}

function roundTimings(t: Answer['timings']): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 100) / 100]));
}
