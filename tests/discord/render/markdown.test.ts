import { describe, expect, it } from 'vitest';
import { code, plain, plainWithin } from '../../../src/discord/render/markdown.js';
import { displayed, liveMarkup } from '../../helpers/markdown.js';

describe('plain', () => {
  const hostile = [
    '@everyone **Breaking** [click](https://example.com) ||x||',
    '# Heading',
    '-# small print',
    '> quoted',
    '- item',
    '1. first',
    'a __b__ ~~c~~ `d` *e* _f_',
    'cited [1](https://example.com/evil) and [2]',
    'a backslash \\*stays\\*',
  ];

  it.each(hostile)('shows %j as written, with no live Markdown', (text) => {
    expect(displayed(plain(text))).toBe(text);
    expect(liveMarkup(plain(text))).toEqual([]);
  });

  it('leaves citation markers and ordinary text alone', () => {
    expect(plain('Niger is ready [1][2]. Mali is not [3].')).toBe('Niger is ready [1][2]. Mali is not [3].');
  });

  it('keeps a URL visible instead of hiding it behind a label', () => {
    expect(displayed(plain('[click](https://example.com)'))).toContain('https://example.com');
  });
});

describe('plainWithin', () => {
  it('stays within the limit once escaped, shortening text full of Markdown further', () => {
    const text = '**a** '.repeat(100);
    const out = plainWithin(text, 120);
    expect(out.length).toBeLessThanOrEqual(120);
    expect(liveMarkup(out)).toEqual([]);
    expect(displayed(out).endsWith('…')).toBe(true);
  });
});

describe('code', () => {
  it('cannot be closed early by a backtick in the text', () => {
    expect(code('a`b')).toMatch(/^`[^`]*`$/);
  });
});
