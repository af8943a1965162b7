import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/sources/charset.js';

const cp1252 = (s: string) => Buffer.from([...s].map((c) => ({ '€': 0x80, '–': 0x96, 'œ': 0x9c, '«': 0xab, 'é': 0xe9 } as Record<string, number>)[c] ?? c.charCodeAt(0)));

describe('decodeHtml', () => {
  it('decodes windows-1252 named by the HTTP header, ISO-8859-1 included', () => {
    const bytes = cp1252('<p>« manœuvre – 5 € » été</p>');
    expect(decodeHtml(bytes, 'iso-8859-1').text).toBe('<p>« manœuvre – 5 € » été</p>');
    expect(decodeHtml(bytes, 'windows-1252').text).toBe('<p>« manœuvre – 5 € » été</p>');
  });

  it('decodes by <meta charset> when the header names none', () => {
    const bytes = cp1252('<meta charset="windows-1252"><p>été</p>');
    expect(decodeHtml(bytes, null)).toEqual({ text: '<meta charset="windows-1252"><p>été</p>', encoding: 'windows-1252' });
  });

  it('reads UTF-8 by default, and windows-1252 when undeclared bytes are not UTF-8', () => {
    expect(decodeHtml(Buffer.from('<p>été</p>'), null).text).toBe('<p>été</p>');
    expect(decodeHtml(cp1252('<p>été</p>'), null).text).toBe('<p>été</p>');
  });
});
