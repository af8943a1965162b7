import { describe, expect, it } from 'vitest';
import { dateInRange, dateReference, dayRange, parseBound, DateBoundError } from '../../src/search/dates.js';

const month = (iso: string) => ({ iso, precision: 'month' as const, inferred: false });

describe('dayRange and parseBound', () => {
  it('expands YYYY, YYYY-MM and YYYY-MM-DD to the days they cover', () => {
    expect(dayRange('2021')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(dayRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(dayRange('2021-06-10')).toEqual({ start: '2021-06-10', end: '2021-06-10' });
  });
  it('rejects impossible or malformed dates with a message listing the accepted forms', () => {
    expect(dayRange('2021-13')).toBeNull();
    expect(dayRange('2021-02-30')).toBeNull();
    expect(() => parseBound('June 2021', 'from')).toThrow(DateBoundError);
    expect(() => parseBound('June 2021', 'from')).toThrow(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });
  it('takes the first day for from and the last for to', () => {
    expect(parseBound('2021', 'from')).toBe('2021-01-01');
    expect(parseBound('2021', 'to')).toBe('2021-12-31');
  });
});

describe('dateInRange', () => {
  it('counts a month-precise article as inside a range it overlaps', () => {
    expect(dateInRange(month('2021-06'), '2021-06-15', '2021-07-01')).toBe(true);
    expect(dateInRange(month('2021-06'), '2021-07-01', undefined)).toBe(false);
  });
  it('leaves undated articles out of any range but in when there is none', () => {
    expect(dateInRange(null, '2020-01-01', undefined)).toBe(false);
    expect(dateInRange(null, undefined, undefined)).toBe(true);
  });
});

describe('dateReference', () => {
  it('boosts articles of a named month more than articles of the same year', () => {
    const ref = dateReference('according to the October 2021 article');
    expect(ref?.boost(month('2021-10'))).toBeGreaterThan(ref?.boost(month('2021-06')) ?? 0);
    expect(ref?.boost(month('2021-06'))).toBeGreaterThan(ref?.boost(month('2022-02')) ?? 0);
    expect(ref?.monthTokens).toEqual(new Set(['october']));
  });
  it('understands Dutch and French month names', () => {
    expect(dateReference('het artikel van oktober 2021')?.monthTokens).toEqual(new Set(['oktober']));
    expect(dateReference('en février 2022')?.monthTokens).toEqual(new Set(['fevrier']));
  });
  it('is null when the question names no year', () => {
    expect(dateReference('Wie is de minister?')).toBeNull();
  });
});
