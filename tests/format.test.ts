import { describe, expect, it } from 'vitest';
import { formatArticleDate, shorten } from '../src/format.js';

describe('formatArticleDate', () => {
  it('shows the date as stated, marks an inferred one, and says undated', () => {
    expect(formatArticleDate({ iso: '2021-06', precision: 'month', inferred: false })).toBe('2021-06');
    expect(formatArticleDate({ iso: '2022-02-17', precision: 'day', inferred: true })).toBe('2022-02-17 (inferred)');
    expect(formatArticleDate(null)).toBe('undated');
  });
});

describe('shorten', () => {
  it('keeps short text, flattens whitespace, and cuts long text at a word with an ellipsis', () => {
    expect(shorten('Niger  is\nbereid', 50)).toBe('Niger is bereid');
    const cut = shorten('De Franse president Macron zegt dat Niger nu bereid is om als thuisbasis te dienen.', 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toMatch(/^De Franse president Macron zegt dat…$/);
  });
});
