import { z } from 'zod';
import { fold } from '../search/text.js';
import type { Answer, Lang, SearchHit } from '../types.js';

/** One line of a questions file. `gold: []` marks a question the corpus cannot answer. */
export const EvalQuestion = z.object({
  id: z.string(),
  lang: z.enum(['en', 'nl', 'fr']),
  question: z.string().min(1),
  gold: z.array(z.string()),
  answer_any: z.array(z.string()),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;

/** Parses a JSONL questions file; errors name the line. */
export function parseQuestions(jsonl: string): EvalQuestion[] {
  return jsonl
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`line ${n}: not valid JSON`);
      }
      const r = EvalQuestion.safeParse(json);
      if (!r.success) throw new Error(`line ${n}: expected {id, lang: en|nl|fr, question, gold: [docId…], answer_any: [string…]} (${r.error.issues[0]?.message})`);
      return r.data;
    });
}

/** What one question scored. */
export interface QuestionResult {
  readonly id: string;
  readonly lang: Lang;
  readonly answerable: boolean;
  readonly recallAt1: boolean;
  readonly recallAt3: boolean;
  /** A top-3 passage contains one of answer_any (case and accents ignored). */
  readonly bearingTop3: boolean;
  /** Not refused, contains one of answer_any, and cites a gold document. */
  readonly correct: boolean;
  readonly refused: boolean;
  /** The extractive confidence behind the answer or refusal; null for an LLM answer. */
  readonly confidence: number | null;
  /**
   * Whether the answer would be correct were it not refused: the same question answered with
   * threshold 0. What the threshold sweep counts; equals `correct` when no such answer was given.
   */
  readonly correctIfAnswered: boolean;
  readonly latencyMs: number;
  readonly answer: string;
  /** The named signals behind the unrefused extractive answer (what `npm run calibrate` fits on). */
  readonly evidence?: Readonly<Record<string, number>>;
  /** The unrefused answer shows a bold short answer. */
  readonly leadShown: boolean;
  /** …and that line holds one of answer_any (and the answer cites a gold document). */
  readonly leadRight: boolean;
}

const contains = (haystack: string, needles: readonly string[]) => {
  const h = fold(haystack.toLowerCase());
  return needles.some((n) => h.includes(fold(n.toLowerCase())));
};

/**
 * Scores one question from its search hits and answer; `unrefused` is the answer given with
 * threshold 0 (for the sweep). Pure.
 */
export function scoreQuestion(q: EvalQuestion, hits: readonly SearchHit[], answer: Answer, unrefused?: Answer): QuestionResult {
  const docs = [...new Set(hits.map((h) => h.doc.id))];
  const gold = new Set(q.gold);
  const answerable = q.gold.length > 0;
  const unref = unrefused ?? answer;
  const leadLine = unref.refused ? undefined : unref.text.split('\n').find((l) => l.includes('**'));
  const isCorrect = (a: Answer) => answerable && !a.refused && contains(a.text, q.answer_any) && a.citations.some((c) => gold.has(c.docId));
  return {
    id: q.id,
    lang: q.lang,
    answerable,
    recallAt1: answerable && docs.slice(0, 1).some((d) => gold.has(d)),
    recallAt3: answerable && docs.slice(0, 3).some((d) => gold.has(d)),
    bearingTop3: answerable && hits.slice(0, 3).some((h) => contains(h.passage.text, q.answer_any)),
    correct: isCorrect(answer),
    refused: answer.refused,
    confidence: answer.confidence ?? null,
    correctIfAnswered: isCorrect(unrefused ?? answer),
    latencyMs: answer.timings.totalMs,
    answer: answer.text,
    ...(unref.evidence ? { evidence: unref.evidence } : {}),
    leadShown: leadLine !== undefined,
    leadRight: leadLine !== undefined && isCorrect(unref) && contains(leadLine, q.answer_any),
  };
}

/** Aggregates for one language or overall. Rates over answerable questions unless named otherwise. */
export interface EvalSummary {
  readonly questions: number;
  readonly answerable: number;
  readonly recallAt1: number;
  readonly recallAt3: number;
  readonly bearingTop3: number;
  readonly answerAccuracy: number;
  readonly falseRefusals: number;
  /** False refusals as a share of answerable questions. */
  readonly falseRefusalRate: number;
  /** Share of unanswerable questions that were refused (NaN shown as "–" when there are none). */
  readonly refusalAccuracy: number | null;
  /** Questions answered (not refused), traps included. */
  readonly answered: number;
  /** Of the questions answered, the share answered right (an answered trap counts as wrong); null when none was answered. */
  readonly precision: number | null;
  readonly meanLatencyMs: number;
}

export function summarise(results: readonly QuestionResult[]): EvalSummary {
  const ans = results.filter((r) => r.answerable);
  const unans = results.filter((r) => !r.answerable);
  const rate = (xs: readonly QuestionResult[], f: (r: QuestionResult) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 0);
  return {
    questions: results.length,
    answerable: ans.length,
    recallAt1: rate(ans, (r) => r.recallAt1),
    recallAt3: rate(ans, (r) => r.recallAt3),
    bearingTop3: rate(ans, (r) => r.bearingTop3),
    answerAccuracy: rate(ans, (r) => r.correct),
    falseRefusals: ans.filter((r) => r.refused).length,
    falseRefusalRate: rate(ans, (r) => r.refused),
    refusalAccuracy: unans.length ? rate(unans, (r) => r.refused) : null,
    answered: results.filter((r) => !r.refused).length,
    precision: precisionOf(results.filter((r) => !r.refused).map((r) => r.correct)),
    meanLatencyMs: results.length ? results.reduce((s, r) => s + r.latencyMs, 0) / results.length : 0,
  };
}

/** Share of true among the answered questions' correctness; null when none was answered. */
export const precisionOf = (answeredRight: readonly boolean[]): number | null =>
  answeredRight.length === 0 ? null : answeredRight.filter(Boolean).length / answeredRight.length;

/** Per-language and overall summaries. */
const LANG_ORDER = ['en', 'nl', 'fr'] as const;

export function summariseByLanguage(results: readonly QuestionResult[]): Record<string, EvalSummary> {
  const out: Record<string, EvalSummary> = {};
  for (const lang of LANG_ORDER) {
    const rs = results.filter((r) => r.lang === lang);
    if (rs.length) out[lang] = summarise(rs);
  }
  out.all = summarise(results);
  return out;
}

/** One line of the threshold sweep: what each language would score were this the refusal threshold. */
export interface SweepRow {
  readonly threshold: number;
  readonly byLang: Record<
    string,
    {
      readonly answerAccuracy: number;
      readonly falseRefusalRate: number;
      readonly refusalAccuracy: number | null;
      /** Of the questions that would be answered, the share right (traps count as wrong). */
      readonly precision: number | null;
      /** Share of all questions (traps included) that would be answered. */
      readonly coverage: number;
    }
  >;
}

/**
 * Answer accuracy, false refusals and refusal accuracy on traps at each threshold, from each
 * question's confidence and whether its unrefused answer is right. Pure.
 */
export function thresholdSweep(results: readonly QuestionResult[], thresholds: readonly number[]): SweepRow[] {
  const scored = results.filter((r) => r.confidence !== null);
  return thresholds.map((threshold) => {
    const byLang: Record<string, SweepRow['byLang'][string]> = {};
    for (const lang of [...LANG_ORDER, 'all']) {
      const rs = scored.filter((r) => lang === 'all' || r.lang === lang);
      if (rs.length === 0) continue;
      const ans = rs.filter((r) => r.answerable);
      const unans = rs.filter((r) => !r.answerable);
      const answered = (r: QuestionResult) => (r.confidence ?? 0) >= threshold;
      const rate = (xs: readonly QuestionResult[], f: (r: QuestionResult) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 0);
      byLang[lang] = {
        answerAccuracy: rate(ans, (r) => answered(r) && r.correctIfAnswered),
        falseRefusalRate: rate(ans, (r) => !answered(r)),
        refusalAccuracy: unans.length ? rate(unans, (r) => !answered(r)) : null,
        precision: precisionOf(rs.filter(answered).map((r) => r.answerable && r.correctIfAnswered)),
        coverage: rate(rs, answered),
      };
    }
    return { threshold, byLang };
  });
}

/** The sweep as precision against coverage: one row a threshold, precision / coverage per language. */
export function renderPrecisionSweep(rows: readonly SweepRow[], chosen: number): string {
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(0)}%`);
  const langs = Object.keys(rows[0]?.byLang ?? {});
  const head = ['threshold', ...langs.map((l) => `${l} precision / coverage`)];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const body = rows.map((r) =>
    line([
      `${r.threshold.toFixed(2)}${Math.abs(r.threshold - chosen) < 1e-9 ? ' ←' : ''}`,
      ...langs.map((l) => `${pct(r.byLang[l]!.precision)} / ${pct(r.byLang[l]!.coverage)}`),
    ]),
  );
  return [line(head), line(head.map(() => '---')), ...body].join('\n');
}

/** The sweep as a terminal table: one row a threshold, accuracy / false refusals / trap refusals per language. */
export function renderSweep(rows: readonly SweepRow[], chosen: number): string {
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(0)}%`);
  const langs = Object.keys(rows[0]?.byLang ?? {});
  const head = ['threshold', ...langs.map((l) => `${l} acc / false ref / trap ref`)];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const body = rows.map((r) =>
    line([
      `${r.threshold.toFixed(2)}${Math.abs(r.threshold - chosen) < 1e-9 ? ' ←' : ''}`,
      ...langs.map((l) => {
        const c = r.byLang[l]!;
        return `${pct(c.answerAccuracy)} / ${pct(c.falseRefusalRate)} / ${pct(c.refusalAccuracy)}`;
      }),
    ]),
  );
  return [line(head), line(head.map(() => '---')), ...body].join('\n');
}

/** The eval table for the terminal and the README. */
export function renderSummaryTable(byLang: Record<string, EvalSummary>): string {
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(0)}%`);
  const rows = Object.entries(byLang).map(([lang, s]) =>
    [lang, `${s.questions}`, `${s.answerable}`, pct(s.recallAt1), pct(s.recallAt3), pct(s.bearingTop3), pct(s.answerAccuracy), pct(s.precision), `${s.falseRefusals}`, pct(s.refusalAccuracy), s.meanLatencyMs.toFixed(2)],
  );
  const head = ['lang', 'questions', 'answerable', 'doc R@1', 'doc R@3', 'answer passage top-3', 'answer accuracy', 'precision', 'false refusals', 'traps refused', 'mean ms'];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
