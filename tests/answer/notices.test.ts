import { describe, expect, it } from 'vitest';
import { answerNotice } from '../../src/answer/notices.js';
import { refusalSentence } from '../../src/answer/refusal.js';
import type { Answer, Lang } from '../../src/types.js';

const answer = (lang: Lang, refused: boolean): Answer => ({
  id: 'a', question: 'q', lang, mode: 'extractive', refused, text: refused ? refusalSentence(lang) : 'x [1].',
  citations: [], timings: { retrievalMs: 0, answerMs: 0, totalMs: 0 },
});

describe('answerNotice', () => {
  it.each(['en', 'nl', 'fr'] as const)('never speaks of quoted sentences under a refusal (%s)', (lang) => {
    for (const llm of [false, true]) {
      const notice = answerNotice(answer(lang, true), llm) ?? '';
      expect(notice).not.toMatch(/own sentences|zinnen uit het corpus zelf|phrases mêmes/);
      expect(notice).toMatch(/no sentence|geen zin|aucune phrase/);
    }
  });

  it('says under a keyless answer that an LLM would translate and compose', () => {
    expect(answerNotice(answer('en', false), false)).toMatch(/quoted in their language; an LLM would translate and compose/);
    expect(answerNotice(answer('nl', false), false)).toMatch(/vertalen/);
    expect(answerNotice(answer('fr', false), false)).toMatch(/traduirait/);
  });
});
