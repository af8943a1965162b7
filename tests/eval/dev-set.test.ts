import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../src/cli/eval.js';
import { summariseByLanguage } from '../../src/eval/score.js';
import { testApp } from '../helpers/app.js';

const DEV_V2 = fileURLToPath(new URL('../fixtures/dev-questions-v2.jsonl', import.meta.url));

// The quality floor over the development set (tests/fixtures/dev-questions-v2.jsonl, a copy of
// ../shared/eval/dev-questions-v2.jsonl: 60 questions, 12 of them traps). Fails when the method
// regresses below what docs/answers.md reports; it is not tuned per question.
describe('the dev set over the seeds (no LLM)', async () => {
  const app = await testApp();
  const results = await evaluateFile(app, DEV_V2);
  const byLang = summariseByLanguage(results);

  it.each(['en', 'nl', 'fr'])('puts an answer-bearing passage in the top 3 for at least 80%% of %s questions', (lang) => {
    expect(byLang[lang]?.bearingTop3).toBeGreaterThanOrEqual(0.8);
  });

  it('refuses every unanswerable question', () => {
    const unanswerable = results.filter((r) => !r.answerable);
    expect(unanswerable.length).toBe(12);
    expect(unanswerable.filter((r) => !r.refused).map((r) => r.id)).toEqual([]);
  });

  it.each([
    ['nl', 0.9],
    ['en', 0.7],
    ['fr', 0.8],
  ] as const)('answers %s questions correctly, citing a gold document, at least at the reported floor (%s)', (lang, floor) => {
    expect(byLang[lang]?.answerAccuracy).toBeGreaterThanOrEqual(floor);
  });
});

// The held-out set (tests/fixtures/holdout-questions.jsonl: 36 questions written without sight of the
// code or the other sets) guards what generalises: a change tuned to the dev set that costs it fails here.
describe('the held-out set over the seeds (no LLM)', async () => {
  const app = await testApp();
  const results = await evaluateFile(app, fileURLToPath(new URL('../fixtures/holdout-questions.jsonl', import.meta.url)));
  const all = summariseByLanguage(results).all;

  it('answers at least 70% of its answerable questions correctly and refuses at least 85% of its traps', () => {
    expect(all?.answerAccuracy).toBeGreaterThanOrEqual(0.7);
    expect(all?.refusalAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});

// A second held-out set (tests/fixtures/holdout2-questions.jsonl: 36 questions a helper wrote from the
// five articles alone, at the end of the eighth round), first measured before the round's changes: 70%.
describe('the second held-out set over the seeds (no LLM)', async () => {
  const app = await testApp();
  const results = await evaluateFile(app, fileURLToPath(new URL('../fixtures/holdout2-questions.jsonl', import.meta.url)));
  const all = summariseByLanguage(results).all;

  it('answers at least 65% of its answerable questions correctly and refuses at least 80% of its traps', () => {
    expect(all?.answerAccuracy).toBeGreaterThanOrEqual(0.65);
    expect(all?.refusalAccuracy).toBeGreaterThanOrEqual(0.8);
  });
});

// A third (tests/fixtures/holdout3-questions.jsonl), written to paraphrase: everyday words rather than
// the articles' ("pull out", "guys"). It measures what word lists cannot bridge: 22% before the
// eighth round, 33% after it. The floor guards against losing more.
describe('the paraphrasing held-out set over the seeds (no LLM)', async () => {
  const app = await testApp();
  const results = await evaluateFile(app, fileURLToPath(new URL('../fixtures/holdout3-questions.jsonl', import.meta.url)));
  const all = summariseByLanguage(results).all;

  it('answers at least 30% of its answerable questions correctly and refuses at least half its traps', () => {
    expect(all?.answerAccuracy).toBeGreaterThanOrEqual(0.3);
    expect(all?.refusalAccuracy).toBeGreaterThanOrEqual(0.5);
  });
});
