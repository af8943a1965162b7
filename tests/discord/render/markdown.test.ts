import { describe, expect, it } from 'vitest';
import { code, maskedLink, plain, plainWithin } from '../../../src/discord/render/markdown.js';
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

describe('maskedLink', () => {
  it('links an escaped label to an address in <…>, so Discord shows no preview', () => {
    expect(maskedLink(plain('Le *retrait*'), 'https://www.lemonde.fr/a.html')).toBe('[Le \\*retrait\\*](<https://www.lemonde.fr/a.html>)');
  });

  it('keeps brackets in the label and parentheses, spaces and angle brackets in the address from ending the link early', () => {
    expect(maskedLink('[1] titre', 'https://x.example/a (b)/<c>')).toBe('[⁅1⁆ titre](<https://x.example/a%20%28b%29/%3Cc%3E>)');
  });

  it('refuses anything but an http(s) address', () => {
    expect(maskedLink('x', 'javascript:alert(1)')).toBeNull();
    expect(maskedLink('x', 'not a url')).toBeNull();
  });
});
