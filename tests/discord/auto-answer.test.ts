import { describe, expect, it } from 'vitest';
import { isConfident, postQuestion, solvedTag, unsureReply } from '../../src/discord/auto-answer.js';

const citation = { n: 1, docId: 'd', passageId: 'd#0', date: null, title: 't', text: 'x' };

describe('isConfident', () => {
  it('answers a keyless answer only at or above the forum’s confidence, never a refusal', () => {
    expect(isConfident({ refused: false, mode: 'extractive', citations: [citation], confidence: 0.5 }, 0.5)).toBe(true);
    expect(isConfident({ refused: false, mode: 'extractive', citations: [citation], confidence: 0.49 }, 0.5)).toBe(false);
    expect(isConfident({ refused: false, mode: 'extractive', citations: [citation] }, 0)).toBe(false);
    expect(isConfident({ refused: true, mode: 'extractive', citations: [], confidence: 0.9 }, 0.1)).toBe(false);
  });

  it('answers an LLM answer when the model did not refuse and its citations survived the checks', () => {
    expect(isConfident({ refused: false, mode: 'llm', citations: [citation] }, 0.99)).toBe(true);
    expect(isConfident({ refused: false, mode: 'llm', citations: [] }, 0)).toBe(false);
    expect(isConfident({ refused: true, mode: 'llm', citations: [] }, 0)).toBe(false);
  });
});

describe('postQuestion', () => {
  it('asks the title and the first message, once when one repeats the other', () => {
    expect(postQuestion('Waar ligt Kidal?', 'Ik lees erover in het nieuws.')).toBe('Waar ligt Kidal? Ik lees erover in het nieuws.');
    expect(postQuestion('Waar ligt Kidal?', 'waar ligt kidal?')).toBe('Waar ligt Kidal?');
    expect(postQuestion('Kidal', 'Kidal: waar ligt het?')).toBe('Kidal: waar ligt het?');
    expect(postQuestion('Waar ligt Kidal?', '')).toBe('Waar ligt Kidal?');
    expect(postQuestion('Vraag', 'x'.repeat(3000)).length).toBeLessThanOrEqual(1000);
  });
});

describe('solvedTag', () => {
  it('finds the tag that means solved in English, Dutch or French, with emoji or accents', () => {
    const tag = (name: string) => ({ id: name, name });
    expect(solvedTag([tag('Question'), tag('✅ Solved')])?.id).toBe('✅ Solved');
    expect(solvedTag([tag('Answered')])?.id).toBe('Answered');
    expect(solvedTag([tag('Opgelost')])?.id).toBe('Opgelost');
    expect(solvedTag([tag('Résolu')])?.id).toBe('Résolu');
    expect(solvedTag([tag('Question'), tag('Bug')])).toBeUndefined();
  });
});

describe('unsureReply', () => {
  it('says the corpus does not say, or that no sure answer was found, in the post’s language', () => {
    expect(unsureReply('nl', true)).toBe('Het corpus zegt hier niets over. Een moderator kan misschien helpen.');
    expect(unsureReply('en', false)).toMatch(/^I could not find a sure answer/);
  });
});
