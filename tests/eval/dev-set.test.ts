import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../src/cli/eval.js';
import { summariseByLanguage } from '../../src/eval/score.js';
import { testApp } from '../helpers/app.js';

const DEV_V2 = fileURLToPath(new URL('../fixtures/dev-questions-v2.jsonl', import.meta.url));

// The quality floor over the development set (tests/fixtures/dev-questions-v2.jsonl, a copy of
// ../shared/eval/dev-questions-v2.jsonl: 60 questions, 12 of them traps). Fails when the method
// regresses below what docs/answers.md reports. The committed model was fitted on these sets too
// (npm run calibrate), so these are training figures: the cross-validated ones are in docs/answers.md.
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

  it('answers right at least 90% of the questions it answers (an answered trap counts as wrong)', () => {
    expect(byLang.all?.precision).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['nl', 0.8],
    ['en', 0.4],
    ['fr', 0.6],
  ] as const)('answers %s questions correctly, citing a gold document, at least at the reported floor (%s)', (lang, floor) => {
    expect(byLang[lang]?.answerAccuracy).toBeGreaterThanOrEqual(floor);
  });
});

/**
 * Held-out sets guard what generalises: a change tuned to the dev set that costs them fails here.
 * Floors are a little under what docs/answers.md reports, so only a real loss trips them.
 */
const HELD_OUT = [
  // Written without sight of the code or the other sets (seventh round).
  { file: 'holdout-questions.jsonl', accuracy: 0.5, traps: 0.85, precision: 0.85 },
  // Written by a helper from the five articles alone, late in the eighth round; 70% before its changes.
  { file: 'holdout2-questions.jsonl', accuracy: 0.33, traps: 0.85, precision: 0.85 },
  // Written to paraphrase in everyday words ("pull out", "guys"): what word lists cannot bridge.
  // The committed model refuses 6 of its 9 traps (cross-validated 67% too, as the hand-set score did).
  { file: 'holdout3-questions.jsonl', accuracy: 0.2, traps: 0.66, precision: 0.7 },
] as const;

describe.each(HELD_OUT)('the held-out set $file over the seeds (no LLM)', async ({ file, accuracy, traps, precision }) => {
  const app = await testApp();
  const all = summariseByLanguage(await evaluateFile(app, fileURLToPath(new URL(`../fixtures/${file}`, import.meta.url)))).all;

  it(`answers at least ${accuracy * 100}% of its answerable questions correctly and refuses at least ${traps * 100}% of its traps`, () => {
    expect(all?.answerAccuracy).toBeGreaterThanOrEqual(accuracy);
    expect(all?.refusalAccuracy).toBeGreaterThanOrEqual(traps);
  });

  it(`answers right at least ${precision * 100}% of the questions it answers`, () => {
    expect(all?.precision).toBeGreaterThanOrEqual(precision);
  });
});
