/**
 * Scores of an LLM on a questions file (`npm run eval -- --llm`): per language, how often its
 * answers are right, how often it refuses, how often its citations hold what the citing sentence
 * states, and how often Griot had to fall back to the extractive answer — so an operator can judge
 * a model on their corpus before using it. Pure.
 */
import { fold } from '../search/text.js';
import type { Answer, Lang } from '../types.js';

/** What one question needs to be scored (the questions file's fields). */
export interface LlmEvalQuestion {
  readonly id: string;
  readonly lang: Lang;
  readonly question: string;
  /** Documents that answer it; empty: the corpus cannot answer it. */
  readonly gold: readonly string[];
  /** Any of these in the answer text (case and accents ignored) makes it right. */
  readonly answer_any: readonly string[];
}

/** One question's outcome. */
export interface LlmQuestionResult {
  readonly id: string;
  readonly lang: Lang;
  readonly answerable: boolean;
  /** Answerable, not refused, contains one of answer_any, cites a gold document. */
  readonly correct: boolean;
  readonly refused: boolean;
  /** The answer is extractive although the LLM was asked: it failed or its answer was unusable. */
  readonly fallback: boolean;
  readonly fallbackReason?: string;
  /** Citations the model wrote, and those whose passage holds the citing sentence's facts. */
  readonly citations: number;
  readonly validCitations: number;
  readonly droppedClaims: number;
  readonly truncated: boolean;
  readonly languageRetry: boolean;
  readonly reasoned: boolean;
  readonly ms: number;
  readonly answer: string;
}

/** Aggregates over one language or all. Rates are fractions (0–1); null when there is nothing to divide. */
export interface LlmEvalSummary {
  readonly questions: number;
  readonly answerable: number;
  /** Correct answers over answerable questions. */
  readonly accuracy: number | null;
  /** Answerable questions refused. */
  readonly wrongRefusals: number | null;
  /** Unanswerable questions refused (higher is better). */
  readonly rightRefusals: number | null;
  /** Valid citations over all citations the model wrote. */
  readonly citationValidity: number | null;
  /** Answers that fell back to extractive, over all questions. */
  readonly fallbacks: number | null;
  readonly droppedClaims: number;
  readonly truncated: number;
  readonly languageRetries: number;
  readonly medianMs: number | null;
}

const contains = (haystack: string, needles: readonly string[]) => {
  const h = fold(haystack.toLowerCase());
  return needles.some((n) => h.includes(fold(n.toLowerCase())));
};

/** Scores one answer. */
export function scoreLlmAnswer(q: LlmEvalQuestion, answer: Answer): LlmQuestionResult {
  const answerable = q.gold.length > 0;
  const gold = new Set(q.gold);
  const review = answer.llm?.review;
  const fallback = answer.mode === 'extractive';
  return {
    id: q.id,
    lang: q.lang,
    answerable,
    correct: answerable && !answer.refused && contains(answer.text, q.answer_any) && answer.citations.some((c) => gold.has(c.docId)),
    refused: answer.refused,
    fallback,
    ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
    citations: review?.citations ?? 0,
    validCitations: review?.validCitations ?? 0,
    droppedClaims: review?.droppedClaims ?? 0,
    truncated: review?.truncated ?? false,
    languageRetry: review?.languageRetry ?? false,
    reasoned: (review?.reasoningChars ?? 0) > 0,
    ms: answer.llm?.ms ?? answer.timings.totalMs,
    answer: answer.text,
  };
}

/** Summaries per language (in the order first seen) and overall ("all"). */
export function summariseLlmEval(results: readonly LlmQuestionResult[]): Record<string, LlmEvalSummary> {
  const langs = [...new Set(results.map((r) => r.lang))];
  const out: Record<string, LlmEvalSummary> = {};
  for (const lang of langs) out[lang] = summarise(results.filter((r) => r.lang === lang));
  out.all = summarise(results);
  return out;
}

function summarise(rs: readonly LlmQuestionResult[]): LlmEvalSummary {
  const answerable = rs.filter((r) => r.answerable);
  const unanswerable = rs.filter((r) => !r.answerable);
  const rate = (n: number, d: number) => (d === 0 ? null : n / d);
  const citations = rs.reduce((n, r) => n + r.citations, 0);
  const ms = rs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    questions: rs.length,
    answerable: answerable.length,
    accuracy: rate(answerable.filter((r) => r.correct).length, answerable.length),
    wrongRefusals: rate(answerable.filter((r) => r.refused).length, answerable.length),
    rightRefusals: rate(unanswerable.filter((r) => r.refused).length, unanswerable.length),
    citationValidity: rate(rs.reduce((n, r) => n + r.validCitations, 0), citations),
    fallbacks: rate(rs.filter((r) => r.fallback).length, rs.length),
    droppedClaims: rs.reduce((n, r) => n + r.droppedClaims, 0),
    truncated: rs.filter((r) => r.truncated).length,
    languageRetries: rs.filter((r) => r.languageRetry).length,
    medianMs: ms.length === 0 ? null : ms[Math.floor((ms.length - 1) / 2)]!,
  };
}

/** The summaries as a plain-text table, one row per language. */
export function renderLlmEvalTable(model: string, summary: Record<string, LlmEvalSummary>): string {
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
  const header = ['lang', 'questions', 'accuracy', 'wrong refusals', 'right refusals', 'citation validity', 'fallbacks', 'claims dropped', 'cut off', 'language retries', 'median ms'];
  const rows = Object.entries(summary).map(([lang, s]) => [
    lang,
    `${s.questions} (${s.answerable} answerable)`,
    pct(s.accuracy),
    pct(s.wrongRefusals),
    pct(s.rightRefusals),
    pct(s.citationValidity),
    pct(s.fallbacks),
    String(s.droppedClaims),
    String(s.truncated),
    String(s.languageRetries),
    s.medianMs === null ? '–' : String(Math.round(s.medianMs)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [`Model: ${model}`, '', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
