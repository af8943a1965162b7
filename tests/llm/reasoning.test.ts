import { describe, expect, it } from 'vitest';
import { createReasoningFilter, stripReasoning } from '../../src/llm/reasoning.js';

/** Every visible text while `chunks` arrive one by one, then the final one. */
function stream(chunks: readonly string[]): { seen: string[]; final: string; reasoning: string } {
  const f = createReasoningFilter();
  const seen = chunks.map((c) => (f.push(c), f.visible()));
  return { seen, final: f.end(), reasoning: f.reasoning() };
}

describe('stripReasoning', () => {
  it('removes a <think> block before the answer and returns the reasoning apart', () => {
    expect(stripReasoning('<think>\nThe user asks about Mali.\n</think>\n\nFrance left [1].')).toEqual({ answer: 'France left [1].', reasoning: 'The user asks about Mali.' });
  });

  it('treats everything before an orphan </think> as reasoning (R1 behind a template that opened the block)', () => {
    expect(stripReasoning('Okay, source 1 says so.\n</think>\n\nFrance left [1].').answer).toBe('France left [1].');
  });

  it('hides an unterminated block entirely', () => {
    expect(stripReasoning('<think>I should count the soldiers: 55').answer).toBe('');
  });

  it('recognises <thinking> and <reasoning> too, in any case', () => {
    expect(stripReasoning('<Thinking>hmm</Thinking>A [1]. <reasoning>x</reasoning>B [2].').answer).toBe('A [1]. B [2].');
  });

  it('leaves other angle brackets alone', () => {
    expect(stripReasoning('Temperatures < 5 degrees [1].').answer).toBe('Temperatures < 5 degrees [1].');
  });
});

describe('createReasoningFilter', () => {
  it('never shows a tag or its reasoning when the tags are split across chunks', () => {
    const { seen, final } = stream(['<th', 'ink>', 'Let me check ', 'source 2', '</thi', 'nk>', '\n\nFrance ', 'left [1].']);
    for (const s of seen) {
      expect(s).not.toMatch(/<|think|check|source/);
    }
    expect(final).toBe('France left [1].');
  });

  it('holds back a possible tag start at the end until the next chunk tells', () => {
    const { seen } = stream(['France left [1]. <', 'b>Bold</b>']);
    expect(seen).toEqual(['France left [1]. ', 'France left [1]. <b>Bold</b>']);
  });

  it('shows nothing of a block that never closes, while streaming or at the end', () => {
    const { seen, final, reasoning } = stream(['<', 'think', '>\nThe answer is ', '9999 soldiers']);
    expect(seen.every((s) => s === '')).toBe(true);
    expect(final).toBe('');
    expect(reasoning).toBe('The answer is 9999 soldiers');
  });
});
