import { describe, expect, it } from 'vitest';
import { parseQuestions, renderPrecisionSweep, renderSummaryTable, scoreQuestion, summariseByLanguage, thresholdSweep } from '../../src/eval/score.js';
import type { Answer, SearchHit } from '../../src/types.js';

const hit = (docId: string, text: string): SearchHit => ({
  passage: { id: `${docId}#0`, docId, index: 0, text, start: 0, end: text.length, lang: 'nl' },
  doc: { id: docId, file: `${docId}.txt`, date: null, title: 't', lang: 'nl', hash: 'h', passageCount: 1 },
  score: 1,
});
const answer = (text: string, docIds: string[], refused = false): Answer => ({
  id: 'a', question: 'q', lang: 'nl', mode: 'extractive', refused, text,
  citations: docIds.map((d, i) => ({ n: i + 1, docId: d, passageId: `${d}#0`, date: null, title: 't', text })),
  timings: { retrievalMs: 1, answerMs: 1, totalMs: 2 },
});

describe('parseQuestions', () => {
  it('reads JSONL and names the line of a bad record', () => {
    expect(parseQuestions('{"id":"a","lang":"nl","question":"q?","gold":[],"answer_any":[]}\n\n')).toHaveLength(1);
    expect(() => parseQuestions('{"id":"a","lang":"nl","question":"q?","gold":[],"answer_any":[]}\n{"id":"b"}')).toThrow(/line 2/);
    expect(() => parseQuestions('not json')).toThrow(/line 1: not valid JSON/);
  });
});

describe('scoreQuestion', () => {
  const q = { id: 'x', lang: 'nl' as const, question: 'q', gold: ['g'], answer_any: ['Maïga'] };
  it('matches answers ignoring case and accents, and requires a gold citation', () => {
    const r = scoreQuestion(q, [hit('o', 'niets'), hit('g', 'minister MAIGA')], answer('Het is maiga [1].', ['g']));
    expect(r).toMatchObject({ recallAt1: false, recallAt3: true, bearingTop3: true, correct: true });
    expect(scoreQuestion(q, [], answer('Het is Maiga [1].', ['o'])).correct).toBe(false);
  });
  it('counts a refusal of an answerable question as a false refusal', () => {
    const s = summariseByLanguage([scoreQuestion(q, [], answer('Het corpus zegt hier niets over.', [], true))]);
    expect(s.all).toMatchObject({ falseRefusals: 1, answerAccuracy: 0, refusalAccuracy: null });
  });
  it('renders a table with a row per language and overall', () => {
    const table = renderSummaryTable(summariseByLanguage([scoreQuestion(q, [], answer('x', []))]));
    expect(table.split('\n').map((l) => l.split('|')[1]?.trim())).toEqual(['lang', '---', 'nl', 'all']);
  });
  it('counts an answered trap against precision, and a refusal neither way', () => {
    const trap = { ...q, id: 't', gold: [], answer_any: [] };
    const right = scoreQuestion(q, [], answer('Het is Maiga [1].', ['g']));
    const answeredTrap = scoreQuestion(trap, [], answer('Iets [1].', ['g']));
    const refused = scoreQuestion({ ...q, id: 'r' }, [], answer('Het corpus zegt hier niets over.', [], true));
    expect(summariseByLanguage([right, answeredTrap, refused]).all).toMatchObject({ answered: 2, precision: 0.5 });
    expect(summariseByLanguage([refused]).all?.precision).toBeNull();
  });
});

describe('thresholdSweep', () => {
  const q = { id: 'x', lang: 'nl' as const, question: 'q', gold: ['g'], answer_any: ['Maïga'] };
  const withConfidence = (c: number, text: string, docs: string[]) => ({ ...answer(text, docs), confidence: c });
  it('gives precision against coverage: a higher threshold leaves out the less sure wrong answer', () => {
    const rs = [
      scoreQuestion(q, [], withConfidence(0.9, 'Maiga [1].', ['g'])),
      scoreQuestion({ ...q, id: 'y' }, [], withConfidence(0.3, 'Macron [1].', ['g'])),
    ];
    const [low, high] = thresholdSweep(rs, [0.2, 0.5]);
    expect(low?.byLang.all).toMatchObject({ precision: 0.5, coverage: 1 });
    expect(high?.byLang.all).toMatchObject({ precision: 1, coverage: 0.5 });
    expect(renderPrecisionSweep([low!, high!], 0.5)).toContain('| 0.50 ← | 100% / 50% |');
  });
});
