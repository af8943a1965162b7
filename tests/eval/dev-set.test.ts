import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../src/cli/eval.js';
import { summariseByLanguage } from '../../src/eval/score.js';
import { testApp } from '../helpers/app.js';
import { DEV_QUESTIONS } from '../helpers/seeds.js';

// The quality floor over the development set (tests/fixtures/dev-questions.jsonl, a copy of
// ../shared/eval/dev-questions.jsonl). Fails when the method regresses; it is not tuned per question.
describe('the dev set over the seeds (no LLM)', async () => {
  const app = await testApp();
  const results = await evaluateFile(app, DEV_QUESTIONS);
  const byLang = summariseByLanguage(results);

  it.each(['en', 'nl', 'fr'])('puts an answer-bearing passage in the top 3 for at least 90%% of %s questions', (lang) => {
    expect(byLang[lang]?.bearingTop3).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses every unanswerable question', () => {
    const unanswerable = results.filter((r) => !r.answerable);
    expect(unanswerable.length).toBeGreaterThan(0);
    for (const r of unanswerable) expect({ id: r.id, refused: r.refused }).toEqual({ id: r.id, refused: true });
  });

  it('answers same-language questions correctly and cites a gold document', () => {
    // Dutch questions meet Dutch text: the extractive answerer must get them right.
    expect(byLang.nl?.answerAccuracy).toBeGreaterThanOrEqual(0.8);
  });
});
