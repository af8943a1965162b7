/**
 * Logistic regression, small and exact enough for a few dozen features and a few hundred rows:
 * Newton's method on the mean log-loss with an L2 penalty, on standardised features (each feature
 * centred and scaled to unit spread, so one penalty suits all), the weights then mapped back to the
 * raw features. The bias is not penalised. Pure.
 */
export interface LogisticFit {
  readonly bias: number;
  readonly weights: readonly number[];
}

export interface FitOptions {
  /** L2 penalty on the standardised weights (default 0.01). */
  readonly l2?: number;
  /** Newton steps (default 30). */
  readonly steps?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** P(y = 1 | x) under a fit. */
export function predict(fit: LogisticFit, x: readonly number[]): number {
  let z = fit.bias;
  for (let i = 0; i < x.length; i++) z += (fit.weights[i] ?? 0) * x[i]!;
  return sigmoid(z);
}

/** Solves A v = b by Gaussian elimination with partial pivoting (A is small and, with the penalty, positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / pivot;
      if (f !== 0) for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const v = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * v[k]!;
    v[r] = s / (m[r]![r]! || 1e-12);
  }
  return v;
}

/** Fits P(y | x); rows with y true are the positives. */
export function fitLogistic(xs: readonly (readonly number[])[], ys: readonly boolean[], options: FitOptions = {}): LogisticFit {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  if (n === 0) return { bias: 0, weights: new Array<number>(d).fill(0) };
  const l2 = options.l2 ?? 0.01;
  const mean = Array.from({ length: d }, (_, i) => xs.reduce((s, x) => s + x[i]!, 0) / n);
  const spread = Array.from({ length: d }, (_, i) => Math.sqrt(xs.reduce((s, x) => s + (x[i]! - mean[i]!) ** 2, 0) / n) || 1);
  // Standardised rows with a leading 1 for the bias.
  const z = xs.map((x) => [1, ...x.map((v, i) => (v - mean[i]!) / spread[i]!)]);
  const w = new Array<number>(d + 1).fill(0);
  for (let step = 0; step < (options.steps ?? 30); step++) {
    const g = new Array<number>(d + 1).fill(0);
    const h = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let r = 0; r < n; r++) {
      const row = z[r]!;
      let s = 0;
      for (let i = 0; i <= d; i++) s += w[i]! * row[i]!;
      const p = sigmoid(s);
      const e = p - (ys[r] ? 1 : 0);
      const v = p * (1 - p);
      for (let i = 0; i <= d; i++) {
        g[i]! += (e * row[i]!) / n;
        for (let j = 0; j <= d; j++) h[i]![j]! += (v * row[i]! * row[j]!) / n;
      }
    }
    for (let i = 1; i <= d; i++) {
      g[i]! += l2 * w[i]!;
      h[i]![i]! += l2;
    }
    for (let i = 0; i <= d; i++) h[i]![i]! += 1e-9;
    const delta = solve(h, g);
    let moved = 0;
    for (let i = 0; i <= d; i++) {
      w[i]! -= delta[i]!;
      moved = Math.max(moved, Math.abs(delta[i]!));
    }
    if (moved < 1e-8) break;
  }
  // Back to raw features: w·(x − mean)/spread + b.
  const weights = Array.from({ length: d }, (_, i) => w[i + 1]! / spread[i]!);
  const bias = w[0]! - weights.reduce((s, wi, i) => s + wi * mean[i]!, 0);
  return { bias, weights };
}

/** A stable fold (0..k-1) for a key: the same question falls in the same fold at every corpus size. */
export function foldOf(key: string, k: number): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % k;
}

/**
 * The lowest threshold on p at which the answered rows reach `precision` (right / answered), scanning
 * the rows' own p values; 1 when no threshold does. `right` says whether answering a row is right.
 */
export function thresholdFor(ps: readonly number[], right: readonly boolean[], precision: number, minAnswered = 5): number {
  const order = ps.map((p, i) => [p, right[i]!] as const).sort((a, b) => b[0] - a[0]);
  let good = 0;
  let best = 1;
  for (let i = 0; i < order.length; i++) {
    if (order[i]![1]) good++;
    const next = order[i + 1]?.[0];
    // A cut between equal p values is not a threshold.
    if (next !== undefined && next === order[i]![0]) continue;
    if (i + 1 >= minAnswered && good / (i + 1) >= precision) best = order[i]![0];
  }
  return best;
}
