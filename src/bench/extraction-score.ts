/**
 * The article-extraction benchmark's scoring (scrapinghub/article-extraction-benchmark `evaluate.py`), ported
 * line for line so a run needs no Python: per page, true/false positives and negatives over 4-word shingles,
 * normalised so long pages weigh no more than short ones; precision and recall averaged over pages; F1 from those.
 */

/** Python's `re.findall(r'\w+', text, re.UNICODE)`: letters, digits, underscore, and combining marks inside words. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{Mn}\p{Mc}_]+/gu) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export type TpFpFn = readonly [number, number, number];

/** One page's normalised (tp, fp, fn). */
export function shingleMatch(truth: string, predicted: string): TpFpFn {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

function precision([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recall([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export interface Scores {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

/** Benchmark scores over pages' (tp, fp, fn). */
export function scores(pages: readonly TpFpFn[]): Scores {
  const p = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(precision));
  const r = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(recall));
  return { f1: (2 * p * r) / (p + r), precision: p, recall: r };
}

/** Scores predictions `{id: text}` against ground truth `{id: text}` (every id of the truth must be predicted). */
export function scorePredictions(truth: Readonly<Record<string, string>>, predicted: Readonly<Record<string, string>>): Scores {
  return scores(Object.keys(truth).map((id) => shingleMatch(truth[id] ?? '', predicted[id] ?? '')));
}
