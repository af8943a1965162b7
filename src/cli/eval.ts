import { readFile } from 'node:fs/promises';
import type { App } from '../app.js';
import { parseQuestions, renderSummaryTable, scoreQuestion, summariseByLanguage, type QuestionResult } from '../eval/score.js';
import { parseCommandArgs, UsageError } from './args.js';
import { evalLlmCommand } from './eval-llm.js';
import type { CliIo } from './io.js';

/** Runs every question of a file through search and ask and scores them. */
export async function evaluateFile(app: App, path: string, options: { noLlm?: boolean } = {}): Promise<QuestionResult[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read questions file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const questions = parseQuestions(text);
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const hits = app.engine.search(q.question, { limit: 10 });
    const answer = await app.engine.ask(q.question, { noLlm: options.noLlm === true });
    results.push(scoreQuestion(q, hits, answer));
  }
  return results;
}

/** `npm run eval -- <questions.jsonl> [--json] [--no-llm]`; with `--llm`, the LLM report (src/cli/eval-llm.ts). */
export async function evalCommand(app: App, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    'no-llm': { type: 'boolean', default: false },
    llm: { type: 'boolean', default: false },
  });
  const path = positionals[0];
  if (!path) throw new UsageError('eval needs a questions file, e.g. npm run eval -- tests/fixtures/dev-questions.jsonl');
  if (values.llm) return evalLlmCommand(app, path, io, { json: values.json === true });
  const results = await evaluateFile(app, path, { noLlm: values['no-llm'] === true });
  const summary = summariseByLanguage(results);
  if (values.json) {
    io.out(`${JSON.stringify({ file: path, mode: app.engine.llmEnabled && !values['no-llm'] ? 'llm' : 'extractive', summary, questions: results })}\n`);
    return 0;
  }
  const lines = results.map(
    (r) =>
      `${r.id} ${r.lang} ${r.answerable ? (r.bearingTop3 ? 'passage✓' : 'passage✗') : 'unanswerable'} ${
        r.answerable ? (r.correct ? 'answer✓' : r.refused ? 'refused' : 'answer✗') : r.refused ? 'refused✓' : 'answered✗'
      }  ${r.answer.slice(0, 100).replace(/\s+/g, ' ')}`,
  );
  io.out(`${lines.join('\n')}\n\n${renderSummaryTable(summary)}\n`);
  return 0;
}
