/** Retrieval quality measures shared by every engine. Pure. */
import type { EvalQuestion } from '../eval/score.js';
import { fold } from '../search/text.js';
import { docIdOf } from './engines/engine.js';

/** A hit rate with its counts; null rate when nothing was asked. */
export interface Rate {
  readonly hits: number;
  readonly of: number;
  readonly rate: number | null;
}

export function rate(hits: number, of: number): Rate {
  return { hits, of, rate: of > 0 ? hits / of : null };
}

const norm = (s: string) => fold(s.toLowerCase());

/** True when `text` contains one of `needles`, case and accents ignored (as the eval scores it). */
export function containsAnswer(text: string, needles: readonly string[]): boolean {
  const h = norm(text);
  return needles.some((n) => h.includes(norm(n)));
}

/**
 * Answer-bearing passage in the top 3: over answerable questions (with gold documents), the share whose
 * first three passages include one containing an `answer_any` string. `results[i]` are the ranked
 * passage ids for `questions[i]`.
 */
export function bearingTop3(
  questions: readonly EvalQuestion[],
  results: readonly (readonly string[])[],
  passageText: (id: string) => string | undefined,
): Rate {
  let hits = 0;
  let of = 0;
  questions.forEach((q, i) => {
    if (q.gold.length === 0) return;
    of++;
    const top = (results[i] ?? []).slice(0, 3);
    if (top.some((id) => containsAnswer(passageText(id) ?? '', q.answer_any))) hits++;
  });
  return rate(hits, of);
}

/** Known-item recall@k: the share of queries whose gold document owns one of the first k passages. */
export function knownItemRecall(
  gold: readonly string[],
  results: readonly (readonly string[])[],
  k: number,
): Rate {
  let hits = 0;
  results.forEach((ids, i) => {
    if (ids.slice(0, k).some((id) => docIdOf(id) === gold[i])) hits++;
  });
  return rate(hits, results.length);
}
