import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../src/corpus/header.js';

describe('parseHeader', () => {
  it('reads a month header with a leading space and keeps the text on the same line', () => {
    const r = parseHeader(' date 2020-01 Frankrijk zal nieuwe operaties uitvoeren.\n\nTweede alinea.');
    expect(r.date).toEqual({ iso: '2020-01', precision: 'month', inferred: false });
    expect(r.body).toBe('Frankrijk zal nieuwe operaties uitvoeren.\n\nTweede alinea.');
  });

  it('reads a header without a leading space', () => {
    const r = parseHeader('date 2021-06 De beslissing komt niet uit de lucht vallen.');
    expect(r.date?.iso).toBe('2021-06');
    expect(r.body).toBe('De beslissing komt niet uit de lucht vallen.');
  });

  it('reads a day header', () => {
    const r = parseHeader(' date 2022-02-17 Macron kondigt de terugtrekking aan.');
    expect(r.date).toEqual({ iso: '2022-02-17', precision: 'day', inferred: false });
    expect(r.body).toBe('Macron kondigt de terugtrekking aan.');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseHeader('date 2020-02-29 Tekst.').date?.iso).toBe('2020-02-29');
    expect(parseHeader('date 2021-02-29 Tekst.').date).toBeNull();
  });

  it.each(['date 2021-13 Tekst.', 'date 2021-00 Tekst.', 'date 2021-04-31 Tekst.', 'date 2021-04-00 Tekst.'])(
    'treats an impossible date as a bad header: no date, the text kept, and what is wrong: %s',
    (raw) => {
      const r = parseHeader(raw);
      expect(r.date).toBeNull();
      expect(r.body).toBe(raw);
      expect(r.bad).toMatch(/^bad date header "date 2021-\d\d(-\d\d)?": (there is no month|2021-04 has no day)/);
    },
  );

  it('returns the text unchanged when there is no header', () => {
    const raw = 'Similaires\n-\nMali: le délai de la transition fixé à 2 ans';
    expect(parseHeader(raw)).toEqual({ date: null, body: raw });
  });

  it('does not take a date inside the text, or a date glued to a word, as a header', () => {
    expect(parseHeader('Op date 2021-06 gebeurde iets.').date).toBeNull();
    expect(parseHeader('date 2021-06x tekst').date).toBeNull();
  });

  it('accepts a header that is the whole file (the body is then empty)', () => {
    expect(parseHeader(' date 2021-06')).toEqual({
      date: { iso: '2021-06', precision: 'month', inferred: false },
      body: '',
    });
  });
});
