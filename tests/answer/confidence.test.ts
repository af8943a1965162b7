import { describe, expect, it } from 'vitest';
import { confidence, DEFAULT_THRESHOLD } from '../../src/answer/confidence.js';

describe('confidence', () => {
  it('refuses a sentence that holds the question\'s names but none of what it asks about', () => {
    // "What is the population of Bamako?" over a sentence naming Bamako: the name carries most of the weight.
    expect(confidence({ coverage: 0.7, span: null, focus: 0 })).toBeLessThan(DEFAULT_THRESHOLD);
    expect(confidence({ coverage: 0.7, span: null, focus: 0.5 })).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('does not hold a focus of 0 against a sentence when the corpus has no word for what is asked', () => {
    const input = { coverage: 0.7, span: null, focus: 0 };
    expect(confidence({ ...input, askedIsKnown: false })).toBeGreaterThan(confidence({ ...input, askedIsKnown: true }));
    expect(confidence({ ...input, askedIsKnown: false })).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('grows with coverage, focus and the span match, and falls with unknown words and missing names', () => {
    const base = { coverage: 0.6, span: 0.5, focus: 0.5, unknown: 0.2, missingAnchors: 0.2 };
    const c = confidence(base);
    expect(confidence({ ...base, coverage: 0.8 })).toBeGreaterThan(c);
    expect(confidence({ ...base, focus: 0.8 })).toBeGreaterThan(c);
    expect(confidence({ ...base, span: 0.8 })).toBeGreaterThan(c);
    expect(confidence({ ...base, unknown: 0.5 })).toBeLessThan(c);
    expect(confidence({ ...base, missingAnchors: 0.6 })).toBeLessThan(c);
  });
});
