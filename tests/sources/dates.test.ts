import { describe, expect, it } from 'vitest';
import { dateFromUrl, parseMachineDate } from '../../src/sources/dates.js';

describe('parseMachineDate', () => {
  it.each([
    ['2022-02-17T23:30:00-05:00', '2022-02-17', 'day'],
    ['2022-02-17', '2022-02-17', 'day'],
    ['20220217', '2022-02-17', 'day'],
    ['2022-02', '2022-02', 'month'],
    ['2022', '2022', 'year'],
    ['Thu, 17 Feb 2022 09:12:00 GMT', '2022-02-17', 'day'],
    ['February 17, 2022', '2022-02-17', 'day'],
  ])('reads %s as %s (%s), the day as written', (value, date, precision) => {
    expect(parseMachineDate(value)).toEqual({ date, precision });
  });

  it('refuses impossible dates and prose', () => {
    expect(parseMachineDate('2022-02-30')).toBeNull();
    expect(parseMachineDate('yesterday')).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('reads dates that addresses carry', () => {
    expect(dateFromUrl('https://x.example/2022/02/17/mali')).toEqual({ date: '2022-02-17', precision: 'day' });
    expect(dateFromUrl('https://x.example/news/20220217/mali')).toEqual({ date: '2022-02-17', precision: 'day' });
    expect(dateFromUrl('https://x.example/2022/02/mali')).toEqual({ date: '2022-02', precision: 'month' });
    expect(dateFromUrl('https://x.example/news/mali-123456')).toBeNull();
  });
});
