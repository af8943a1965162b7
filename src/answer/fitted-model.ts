import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FEATURES, type Evidence, type Feature } from './evidence.js';

/** A logistic model over the named features: P(right) = σ(bias + Σ weight × feature); answered at `threshold` or above. */
export interface LogisticModel {
  readonly bias: number;
  readonly weights: Readonly<Partial<Record<Feature, number>>>;
  readonly threshold: number;
}

/**
 * The fitted model the keyless answerer reads: whether to answer at all (`answer.threshold`), and the
 * higher bar of P(right) at which the bold short answer is shown (`leadThreshold`).
 */
export interface FittedModels {
  readonly answer: LogisticModel;
  readonly leadThreshold: number;
}

const Model = z.object({
  bias: z.number(),
  weights: z.partialRecord(z.enum(FEATURES), z.number()),
  threshold: z.number().min(0).max(1),
});
const File = z.object({ answer: Model, leadThreshold: z.number().min(0).max(1) });

/** Where `npm run calibrate` writes the models (committed, with the figures they were fitted to). */
export const FITTED_FILE = new URL('./fitted-weights.json', import.meta.url);

/** Reads and checks a fitted-models file; the error names the file and what is wrong. */
export function parseFitted(json: string, name = 'fitted-weights.json'): FittedModels {
  const r = File.safeParse(JSON.parse(json));
  if (!r.success) throw new Error(`${name}: expected {answer: {bias, weights: {feature: number}, threshold}, leadThreshold} (${r.error.issues[0]?.message}); rerun npm run calibrate`);
  return r.data;
}

/** The committed models, read once. */
export const FITTED: FittedModels = parseFitted(readFileSync(FITTED_FILE, 'utf8'));

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** P(right) under a model. Pure. */
export function probability(model: LogisticModel, evidence: Evidence): number {
  let z = model.bias;
  for (const f of FEATURES) z += (model.weights[f] ?? 0) * evidence[f];
  return sigmoid(z);
}
