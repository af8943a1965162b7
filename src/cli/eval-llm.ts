import { readFile } from 'node:fs/promises';
import type { App } from '../app.js';
import { parseQuestions } from '../eval/score.js';
import { renderLlmEvalTable, scoreLlmAnswer, summariseLlmEval, type LlmQuestionResult } from '../eval/llm-score.js';
import { UsageError } from './args.js';
import type { CliIo } from './io.js';

/**
 * `npm run eval -- --llm <questions.jsonl> [--json]`: every question through the configured LLM
 * endpoint, one at a time, scored per language (src/eval/llm-score.ts). Progress goes to stderr.
 */
export async function evalLlmCommand(app: App, path: string, io: CliIo, options: { json: boolean }): Promise<number> {
  if (!app.engine.llmEnabled || !app.config.llm) {
    throw new UsageError('eval --llm needs an LLM endpoint: set OPENAI_BASE_URL (and OPENAI_MODEL) for a local server, or OPENAI_API_KEY for OpenAI');
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read questions file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const questions = parseQuestions(text);
  const results: LlmQuestionResult[] = [];
  for (const [i, q] of questions.entries()) {
    const answer = await app.engine.ask(q.question);
    const r = scoreLlmAnswer(q, answer);
    results.push(r);
    io.err(`${i + 1}/${questions.length} ${r.id} ${r.lang} ${r.fallback ? 'fallback' : r.refused ? 'refused' : r.correct ? 'right' : 'wrong'}\n`);
  }
  const summary = summariseLlmEval(results);
  const model = app.config.llm.model;
  if (options.json) {
    io.out(`${JSON.stringify({ file: path, mode: 'llm', model, contextTokens: app.config.llm.contextTokens, summary, questions: results })}\n`);
    return 0;
  }
  const lines = results.map(
    (r) =>
      `${r.id} ${r.lang} ${r.answerable ? (r.correct ? 'answer✓' : r.refused ? 'refused' : 'answer✗') : r.refused ? 'refused✓' : 'answered✗'}${r.fallback ? ' fallback' : ''} citations ${r.validCitations}/${r.citations}${r.droppedClaims ? ` dropped ${r.droppedClaims}` : ''}  ${r.answer.slice(0, 90).replace(/\s+/g, ' ')}`,
  );
  const reasons = [...new Set(results.flatMap((r) => (r.fallbackReason ? [r.fallbackReason] : [])))];
  io.out(`${lines.join('\n')}\n\n${renderLlmEvalTable(model, summary)}\n${reasons.length ? `\nFallback reasons:\n${reasons.map((r) => `- ${r}`).join('\n')}\n` : ''}`);
  return 0;
}
