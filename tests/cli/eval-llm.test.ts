import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply, sourceNumber, startFakeOpenAi, type FakeOpenAi, type LoggedRequest, type Reply } from '../fakes/openai-server.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const QUESTIONS = [
  { id: 'q1', lang: 'nl', question: 'Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?', gold: ['001_bb4ad67e1b753670'], answer_any: ['55'] },
  { id: 'q2', lang: 'fr', question: "Combien de membres de l'EIGS ont été tués entre début 2020 et début 2021 ?", gold: ['004_007241720c39586d'], answer_any: ['869'] },
  { id: 'q3', lang: 'en', question: 'Which Russian group sent helicopters and weapons to Bamako?', gold: ['003_744bafa943ee8020'], answer_any: ['Wagner'] },
  { id: 'q4', lang: 'en', question: 'Who won the football world cup in 2018?', gold: [], answer_any: [] },
];

/**
 * A model with habits: right in Dutch, right in French but adding an invented figure, Dutch to an
 * English question (twice), and a refusal in its own words.
 */
function fakeModel(request: LoggedRequest): Reply {
  const messages = request.body?.messages ?? [];
  const last = messages.at(-1)?.content ?? '';
  if (!request.body?.stream) {
    const question = /<question>\n([\s\S]*?)\n<\/question>/.exec(last)?.[1] ?? '';
    return reply.json({ language: 'en', queries: { nl: `${question} Wagner Bamako helikopters soldaten gesneuveld`, fr: `${question} EIGS tués` } });
  }
  if (last.includes('Hoeveel Franse soldaten')) return reply.text(`Bij Operatie Barkhane zijn al 55 Franse soldaten gesneuveld [${sourceNumber(request, '55 Franse')}].`);
  if (last.includes("membres de l'EIGS")) {
    const n = sourceNumber(request, '869 membres');
    return reply.text(`Au moins 869 membres de l'EIGS ont été tués entre début 2020 et début 2021 [${n}]. Parmi eux, 4242 étaient des chefs [${n}].`);
  }
  if (last.includes('Russian group')) return reply.text(`De Wagner Groep stuurde helikopters en wapens naar Bamako [${sourceNumber(request, 'Wagner Groep')}].`);
  return reply.text('The provided sources do not contain any information about the football world cup.');
}

let llm: FakeOpenAi;
let dir: string;
beforeAll(async () => {
  llm = await startFakeOpenAi();
  llm.otherwise(fakeModel);
  dir = await mkdtemp(join(tmpdir(), 'griot-eval-llm-'));
  await writeFile(join(dir, 'questions.jsonl'), QUESTIONS.map((q) => JSON.stringify(q)).join('\n'));
});
afterAll(async () => {
  await llm.close();
  await rm(dir, { recursive: true, force: true });
});

async function evalLlm(args: string[], env: Record<string, string> = { OPENAI_BASE_URL: llm.url, OPENAI_MODEL: 'mistral:7b', LLM_TIMEOUT_MS: '5000', LLM_MAX_RETRIES: '0' }) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'eval', '--llm', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: join(dir, 'data'), CORPUS_DIR: join(ROOT, 'seeds'), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return e;
  }
}

describe('npm run eval -- --llm', () => {
  it('reports per language: accuracy, refusals, citation validity, fallbacks', async () => {
    const r = await evalLlm(['--json', join(dir, 'questions.jsonl')]);
    expect(r.code).toBe(0);
    const { summary, model, questions } = JSON.parse(r.stdout);
    expect(model).toBe('mistral:7b');
    expect(summary.nl).toMatchObject({ questions: 1, accuracy: 1, citationValidity: 1, fallbacks: 0 });
    // The invented figure: one of two citations does not hold it, its sentence was dropped, the answer stays right.
    expect(summary.fr).toMatchObject({ accuracy: 1, citationValidity: 0.5, droppedClaims: 1, fallbacks: 0 });
    // Dutch to an English question, twice: the extractive fallback; the free-form refusal counts as one.
    expect(summary.en).toMatchObject({ questions: 2, answerable: 1, fallbacks: 0.5, languageRetries: 1, rightRefusals: 1 });
    expect(questions.find((q: { id: string }) => q.id === 'q3').fallbackReason).toMatch(/answered in Dutch, not English/);
    expect(summary.all.questions).toBe(4);
    expect(r.stderr).toMatch(/4\/4 q4 en refused/);
  });

  it('prints a table with one row per language', async () => {
    const r = await evalLlm([join(dir, 'questions.jsonl')]);
    expect(r.stdout).toMatch(/Model: mistral:7b/);
    expect(r.stdout).toMatch(/\| fr +\| 1 \(1 answerable\) +\| 100% +\| 0% +\| – +\| 50% +\| 0% +\| 1 /);
    expect(r.stdout).toMatch(/Fallback reasons:\n- The LLM answered in Dutch, not English, even when asked again/);
  });

  it('says what to set when no LLM is configured', async () => {
    const r = await evalLlm([join(dir, 'questions.jsonl')], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/eval --llm needs an LLM endpoint: set OPENAI_BASE_URL/);
  });
});
