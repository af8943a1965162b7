import { readFile } from 'node:fs/promises';
import type { App } from '../app.js';
import { FITTED } from '../answer/fitted-model.js';
import { runAblation, renderAblation } from '../eval/ablation.js';
import {
  parseQuestions,
  renderPrecisionSweep,
  renderSummaryTable,
  renderSweep,
  scoreQuestion,
  summariseByLanguage,
  thresholdSweep,
  type EvalQuestion,
  type QuestionResult,
} from '../eval/score.js';
import { parseCommandArgs, UsageError } from './args.js';
import { evalLlmCommand } from './eval-llm.js';
import type { CliIo } from './io.js';

/** Thresholds the sweep prints. */
export const SWEEP_THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

/** Reads and parses a questions file; a missing file or a bad line is a usage error naming it. */
export async function readQuestions(path: string): Promise<EvalQuestion[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read questions file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return parseQuestions(text);
  } catch (err) {
    throw new UsageError(`${path}: ${(err as Error).message}`);
  }
}

/** Runs every question of a file through search and ask and scores them. */
export async function evaluateFile(app: App, path: string, options: { noLlm?: boolean } = {}): Promise<QuestionResult[]> {
  const questions = await readQuestions(path);
  const noLlm = options.noLlm === true || !app.engine.llmEnabled;
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const hits = app.engine.search(q.question, { limit: 10 });
    const answer = await app.engine.ask(q.question, { noLlm: options.noLlm === true });
    // The extractive answer with no threshold: what the sweep counts were it answered.
    const unrefused = noLlm ? await app.engine.ask(q.question, { noLlm: true, refusalThreshold: 0 }) : undefined;
    results.push(scoreQuestion(q, hits, answer, unrefused));
  }
  return results;
}

/** `npm run eval -- <questions.jsonl> [--json] [--no-llm] [--ablate]`; with `--llm`, the LLM report (src/cli/eval-llm.ts). */
export async function evalCommand(app: App, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    'no-llm': { type: 'boolean', default: false },
    ablate: { type: 'boolean', default: false },
    llm: { type: 'boolean', default: false },
  });
  const path = positionals[0];
  if (!path) throw new UsageError('eval needs a questions file, e.g. npm run eval -- tests/fixtures/dev-questions-v2.jsonl');
  if (values.llm) return evalLlmCommand(app, path, io, { json: values.json === true });
  const results = await evaluateFile(app, path, { noLlm: values['no-llm'] === true });
  const summary = summariseByLanguage(results);
  // The threshold in use is always a row, so the sweep agrees with the answers given.
  const sweep = thresholdSweep(results, [...new Set([...SWEEP_THRESHOLDS, FITTED.answer.threshold])].sort((a, b) => a - b));
  const ablation = values.ablate ? await runAblation(app.config.corpusDir, await readQuestions(path)) : undefined;
  if (values.json) {
    const mode = app.engine.llmEnabled && !values['no-llm'] ? 'llm' : 'extractive';
    io.out(`${JSON.stringify({ file: path, mode, threshold: FITTED.answer.threshold, summary, sweep, ...(ablation ? { ablation } : {}), questions: results })}\n`);
    return 0;
  }
  const lines = results.map(
    (r) =>
      `${r.id} ${r.lang} ${r.answerable ? (r.bearingTop3 ? 'passage✓' : 'passage✗') : 'unanswerable'} ${
        r.answerable ? (r.correct ? 'answer✓' : r.refused ? 'refused' : 'answer✗') : r.refused ? 'refused✓' : 'answered✗'
      } ${r.confidence === null ? '' : `c=${r.confidence.toFixed(2)}`}  ${r.answer.slice(0, 100).replace(/\s+/g, ' ')}`,
  );
  const parts = [lines.join('\n'), renderSummaryTable(summary)];
  if (sweep.some((row) => Object.keys(row.byLang).length > 0)) {
    parts.push(`Threshold sweep (answer accuracy / false refusals / traps refused; ← is the threshold in use):\n${renderSweep(sweep, FITTED.answer.threshold)}`);
    parts.push(`Precision against coverage (of the questions answered, the share right; of all questions, the share answered):\n${renderPrecisionSweep(sweep, FITTED.answer.threshold)}`);
  }
  if (ablation) parts.push(`Ablation (each signal switched off in turn):\n${renderAblation(ablation)}`);
  io.out(`${parts.join('\n\n')}\n`);
  return 0;
}
