import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { FEATURES } from '../answer/evidence.js';
import { FITTED_FILE } from '../answer/fitted-model.js';
import { writeHaystackCorpus } from '../bench/write-corpus.js';
import type { Config } from '../config.js';
import { fitLogistic, foldOf, predict, thresholdFor, type LogisticFit } from '../eval/logistic.js';
import { parseCommandArgs } from './args.js';
import { evaluateFile, readQuestions } from './eval.js';
import type { CliIo } from './io.js';

/**
 * `npm run calibrate`: answers every question set with no LLM, on the corpus and (when
 * ../shared/corpora is there) among 5,000 real articles, records each answer's named signals and
 * whether it was right, fits the logistic model with k-fold cross-validation, reports the
 * cross-validated figures per set, size and language, and writes src/answer/fitted-weights.json.
 */

/** The question sets fitted on: the development set, the held-out sets and the OrangeSum questions. */
export const CALIBRATION_SETS = [
  'dev-questions-v2',
  'check-questions',
  'holdout-questions',
  'holdout2-questions',
  'holdout3-questions',
  'orangesum-questions',
].map((name) => fileURLToPath(new URL(`../../tests/fixtures/${name}.jsonl`, import.meta.url)));

/**
 * The operating point: the answer threshold is the lowest (answering most, so most accurate) at which
 * the out-of-fold precision at each size beats the hand-set score's (threshold 0.25, what answered
 * before the fitted model) by this margin. Precision must come from telling right from wrong, not
 * from refusing everything: the figures in docs/answers.md give the whole precision/coverage curve.
 */
const PRECISION_MARGIN = 0.02;
/** The hand-set score's answer threshold, the baseline the fitted model must beat. */
const HAND_SET_THRESHOLD = 0.25;
/** The bold short answer's bar: out-of-fold precision of the answers that show one. */
const LEAD_PRECISION_AIM = 0.9;
/** L2 penalty of the fit, chosen by cross-validated AUC among 0.01, 0.1, 0.3 and 1 (0.84 at 0.3). */
const L2 = 0.3;
/** Folds of the inner cross-validation that gives each training row an out-of-fold probability. */
const INNER_FOLDS = 5;
const SIZES = ['corpus', 'haystack'] as const;

export type Size = (typeof SIZES)[number];

/** One question answered at one size: its signals and whether its answer (were it given) is right. */
export interface CalibrationRow {
  readonly set: string;
  readonly size: Size;
  readonly id: string;
  readonly lang: string;
  readonly answerable: boolean;
  readonly right: boolean;
  readonly leadShown: boolean;
  readonly leadRight: boolean;
  /** The named signals in FEATURES order; null when no sentence was judged (always refused). */
  readonly x: readonly number[] | null;
}

/** A row the model can judge. */
type Judgeable = CalibrationRow & { readonly x: readonly number[] };
const judgeable = (rows: readonly CalibrationRow[]): Judgeable[] => rows.filter((r): r is Judgeable => r.x !== null);

/** What the cross-validation decided for a row: answered, and the bold line shown. */
interface Decision {
  readonly row: CalibrationRow;
  /** P(right) under the model fitted without the row's fold (0 when no sentence was judged). */
  readonly p: number;
  readonly answered: boolean;
  readonly lead: boolean;
}

/** The fitted model with its two thresholds. */
export interface Calibrated {
  readonly fit: LogisticFit;
  readonly threshold: number;
  readonly leadThreshold: number;
}

const fitRows = (rows: readonly Judgeable[]): LogisticFit =>
  fitLogistic(
    rows.map((r) => r.x),
    rows.map((r) => r.right),
    { l2: L2 },
  );

/** Each row's probability under a model fitted without its fold (k folds by question). Pure. */
function outOfFold(rows: readonly Judgeable[], k: number, salt: string): number[] {
  const fold = (r: CalibrationRow) => foldOf(`${salt}${r.set}/${r.id}`, k);
  const ps = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < k; f++) {
    const fit = fitRows(rows.filter((r) => fold(r) !== f));
    rows.forEach((r, i) => {
      if (fold(r) === f) ps[i] = predict(fit, r.x);
    });
  }
  return ps;
}

/** Precision of the hand-set score at its threshold on `rows` (an answered trap is wrong); 0 with none answered. */
export function handSetPrecision(rows: readonly CalibrationRow[]): number {
  const answered = judgeable(rows).filter((r) => r.x[0]! >= HAND_SET_THRESHOLD);
  return answered.length === 0 ? 0 : answered.filter((r) => r.right).length / answered.length;
}

/**
 * Fits the model on `rows` and chooses its thresholds on out-of-fold probabilities (an inner
 * cross-validation), so that the precision aimed at is the one unseen questions see, not the
 * training fit's. Pure.
 */
export function calibrate(all: readonly CalibrationRow[]): Calibrated {
  const rows = judgeable(all);
  const fit = fitRows(rows);
  const ps = outOfFold(rows, INNER_FOLDS, 'inner:');
  const thresholdOf = (size: Size) => {
    const at = rows.map((r, i) => [r, ps[i]!] as const).filter(([r]) => r.size === size);
    if (at.length === 0) return 0;
    const aim = Math.min(1, handSetPrecision(all.filter((r) => r.size === size)) + PRECISION_MARGIN);
    return thresholdFor(at.map(([, p]) => p), at.map(([r]) => r.right), aim);
  };
  const threshold = Math.max(...SIZES.map(thresholdOf));
  const shown = rows.map((r, i) => [r, ps[i]!] as const).filter(([r, p]) => r.leadShown && p >= threshold);
  const leadThreshold = Math.max(threshold, thresholdFor(shown.map(([, p]) => p), shown.map(([r]) => r.leadRight), LEAD_PRECISION_AIM));
  return { fit, threshold, leadThreshold };
}

/** Each row decided by a model fitted on the other folds (a question's rows at both sizes share a fold). Pure. */
export function crossValidate(rows: readonly CalibrationRow[], k: number): Decision[] {
  const foldOfRow = (r: CalibrationRow) => foldOf(`${r.set}/${r.id}`, k);
  const out: Decision[] = [];
  for (let f = 0; f < k; f++) {
    const test = rows.filter((r) => foldOfRow(r) === f);
    if (test.length === 0) continue;
    const c = calibrate(rows.filter((r) => foldOfRow(r) !== f));
    for (const row of test) {
      const p = row.x === null ? 0 : predict(c.fit, row.x);
      out.push({ row, p, answered: p >= c.threshold, lead: row.leadShown && p >= c.leadThreshold });
    }
  }
  return out;
}

/** Accuracy, precision, false refusals, traps refused and bold-line precision of some decisions. */
export interface Figures {
  readonly questions: number;
  readonly accuracy: number;
  readonly precision: number | null;
  readonly falseRefusals: number;
  readonly answerable: number;
  readonly trapsRefused: number | null;
  readonly leads: number;
  readonly leadPrecision: number | null;
}

export function figures(ds: readonly Decision[]): Figures {
  const ans = ds.filter((d) => d.row.answerable);
  const traps = ds.filter((d) => !d.row.answerable);
  const answered = ds.filter((d) => d.answered);
  const leads = ds.filter((d) => d.answered && d.lead);
  return {
    questions: ds.length,
    accuracy: ans.length ? ans.filter((d) => d.answered && d.row.right).length / ans.length : 0,
    precision: answered.length ? answered.filter((d) => d.row.right).length / answered.length : null,
    falseRefusals: ans.filter((d) => !d.answered).length,
    answerable: ans.length,
    trapsRefused: traps.length ? traps.filter((d) => !d.answered).length / traps.length : null,
    leads: leads.length,
    leadPrecision: leads.length ? leads.filter((d) => d.row.leadRight).length / leads.length : null,
  };
}

/** The figures per set, size and language (and all), as a terminal table. */
export function renderFigures(ds: readonly Decision[]): string {
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  const lines = ['| set | size | lang | questions | accuracy | precision | false refusals | traps refused | bold lines (precision) |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  const sets = [...new Set(ds.map((d) => d.row.set)), 'all'];
  for (const set of sets)
    for (const size of ['corpus', 'haystack'] as const)
      for (const lang of ['en', 'nl', 'fr', 'all']) {
        const sel = ds.filter((d) => (set === 'all' || d.row.set === set) && d.row.size === size && (lang === 'all' || d.row.lang === lang));
        if (sel.length === 0) continue;
        const f = figures(sel);
        lines.push(`| ${set} | ${size === 'corpus' ? 'bundled' : 'among 5,000'} | ${lang} | ${f.questions} | ${pct(f.accuracy)} | ${pct(f.precision)} | ${f.falseRefusals}/${f.answerable} | ${pct(f.trapsRefused)} | ${f.leads} (${pct(f.leadPrecision)}) |`);
      }
  return lines.join('\n');
}

/** Thresholds the precision/coverage curve is shown at. */
const CURVE = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

/**
 * The cross-validated precision/coverage curve: at each fixed threshold on the out-of-fold
 * probabilities, accuracy / precision / traps refused per size — what any operating point would give.
 */
export function renderCurve(ds: readonly Decision[]): string {
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  const lines = ['| threshold | bundled: accuracy / precision / traps refused | among 5,000: accuracy / precision / traps refused |', '| --- | --- | --- |'];
  for (const t of CURVE) {
    const cells = SIZES.map((size) => {
      const f = figures(ds.filter((d) => d.row.size === size).map((d) => ({ ...d, answered: d.p >= t })));
      return f.questions === 0 ? '–' : `${pct(f.accuracy)} / ${pct(f.precision)} / ${pct(f.trapsRefused)}`;
    });
    lines.push(`| ${t.toFixed(2)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Rows of one app (one corpus) over the sets whose gold documents it holds. */
async function rowsOf(config: Config, logger: Logger, size: Size, sets: readonly string[], progress: (m: string) => void): Promise<CalibrationRow[]> {
  const { createApp } = await import('../app.js');
  const app = await createApp({ config, logger });
  try {
    const ids = new Set(app.engine.documents().map((d) => d.id));
    const rows: CalibrationRow[] = [];
    for (const file of sets) {
      const questions = await readQuestions(file);
      const golds = questions.flatMap((q) => q.gold);
      if (golds.length > 0 && !golds.some((g) => ids.has(g))) continue;
      const set = path.basename(file, '.jsonl').replace(/-questions$/, '');
      progress(`${size}: ${set}`);
      for (const r of await evaluateFile(app, file, { noLlm: true })) {
        const e = r.evidence;
        rows.push({ set, size, id: r.id, lang: r.lang, answerable: r.answerable, right: r.correctIfAnswered, leadShown: r.leadShown, leadRight: r.leadRight, x: e ? FEATURES.map((f) => e[f] ?? 0) : null });
      }
    }
    return rows;
  } finally {
    await app.store.close();
  }
}

/**
 * `npm run calibrate [-- --haystack DIR] [--corpora FILE] [--folds 5] [--rows FILE] [--dry-run]`.
 * The 5,000-article corpus is written to DIR/corpus (its index cached in DIR/data) from the OrangeSum
 * file on first use; without that file only the bundled corpus is fitted on. `--rows FILE` refits
 * from rows saved by an earlier run (they are saved to DATA_DIR/calibration-rows.json).
 */
export async function calibrateCommand(config: Config, logger: Logger, argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    haystack: { type: 'string' },
    corpora: { type: 'string', default: fileURLToPath(new URL('../../../shared/corpora/orangesum-fr.jsonl.gz', import.meta.url)) },
    folds: { type: 'string', default: '5' },
    rows: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  });
  const progress = (m: string) => io.err(`${m}\n`);
  const k = Number(values.folds);
  let rows: CalibrationRow[];
  if (values.rows) rows = JSON.parse(await readFile(values.rows, 'utf8')) as CalibrationRow[];
  else {
    rows = await rowsOf(config, logger, 'corpus', CALIBRATION_SETS, progress);
    const haystack = path.resolve(values.haystack ?? path.join(config.dataDir, 'haystack-5000'));
    const corpusDir = path.join(haystack, 'corpus');
    if (!existsSync(corpusDir) && existsSync(values.corpora!)) {
      progress(`writing the seeds among 5,000 OrangeSum articles to ${corpusDir}`);
      await writeHaystackCorpus(corpusDir, config.corpusDir, values.corpora!, 5000);
    }
    if (existsSync(corpusDir)) {
      await mkdir(path.join(haystack, 'data'), { recursive: true });
      rows.push(...(await rowsOf({ ...config, corpusDir, dataDir: path.join(haystack, 'data') }, logger, 'haystack', CALIBRATION_SETS, progress)));
    } else progress(`no ${values.corpora}: fitting on the bundled corpus only`);
    await writeFile(path.join(config.dataDir, 'calibration-rows.json'), JSON.stringify(rows));
  }
  const cv = crossValidate(rows, k);
  const final = calibrate(rows);
  const all = (size: Size) => figures(cv.filter((d) => d.row.size === size));
  const weights = Object.fromEntries(FEATURES.map((f, i) => [f, Number((final.fit.weights[i] ?? 0).toFixed(4))]));
  const file = {
    answer: { bias: Number(final.fit.bias.toFixed(4)), weights, threshold: Number(final.threshold.toFixed(4)) },
    leadThreshold: Number(final.leadThreshold.toFixed(4)),
    fittedOn: {
      questions: rows.length,
      sets: [...new Set(rows.map((r) => r.set))],
      folds: k,
      crossValidated: { bundled: all('corpus'), among5000: all('haystack') },
    },
  };
  io.out(`${renderFigures(cv)}\n\n${renderCurve(cv)}\n\nCross-validated (${k} folds, ${rows.length} answers). Threshold ${file.answer.threshold}, bold line from ${file.leadThreshold}.\n`);
  if (!values['dry-run']) {
    await writeFile(FITTED_FILE, `${JSON.stringify(file, null, 2)}\n`);
    io.out(`Wrote ${fileURLToPath(FITTED_FILE)}.\n`);
  }
  return 0;
}
