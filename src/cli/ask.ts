import type { App } from '../app.js';
import { checkQuestion } from '../answer/question-check.js';
import { recordAnswer } from '../store/record-answer.js';
import { parseCommandArgs, UsageError } from './args.js';
import { answerJson, renderAnswer } from './render.js';
import type { CliIo } from './io.js';

/** `npm run ask -- [--json] [--no-llm] "question"`. */
export async function askCommand(app: App, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    'no-llm': { type: 'boolean', default: false },
  });
  const checked = checkQuestion(positionals.join(' '), 'npm run ask -- "Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?"');
  if (!checked.ok) throw new UsageError(checked.message);
  const { question } = checked;
  const json = values.json === true;
  let printed = '';
  // Stream LLM text as it comes; the final rendering replaces nothing, it continues after it.
  const onText = json
    ? undefined
    : (partial: string) => {
        io.out(partial.slice(printed.length));
        printed = partial;
      };
  const answer = await app.engine.ask(question, { noLlm: values['no-llm'] === true, ...(onText ? { onText } : {}) });
  await recordAnswer(app.store, app.logger, answer, { source: 'cli' });
  if (json) {
    io.out(`${JSON.stringify(answerJson(answer))}\n`);
    return 0;
  }
  // When the final text continues the streamed text, print only what follows it.
  const rendered = renderAnswer(answer, app.engine.llmEnabled);
  if (printed !== '' && rendered.startsWith(answer.text) && answer.text.startsWith(printed)) {
    io.out(`${rendered.slice(printed.length)}\n`);
  } else {
    if (printed !== '') io.out('\n\n');
    io.out(`${rendered}\n`);
  }
  return 0;
}
