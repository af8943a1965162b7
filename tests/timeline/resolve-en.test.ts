import { describe, expect, it } from 'vitest';
import { datesIn } from './helpers.js';

const day = (date: string, inferred: boolean) => ({ date, precision: 'day', inferred });
const month = (date: string, inferred: boolean) => ({ date, precision: 'month', inferred });
const year = (date: string, inferred: boolean) => ({ date, precision: 'year', inferred });

describe('English date resolution', () => {
  it('dates "February 17, 2022" to 2022-02-17, stated', () => {
    expect(datesIn('Macron tweeted on February 17, 2022.', '2022-02', 'en')).toEqual([day('2022-02-17', false)]);
  });

  it('finds "February 17, 2022" in a French passage too (an embedded tweet signature)', () => {
    expect(datesIn('Nous continuerons. — Emmanuel Macron (@EmmanuelMacron) February 17, 2022', null, 'fr')).toEqual([
      day('2022-02-17', false),
    ]);
  });

  it('dates "in November" in a January 2020 article to 2019-11', () => {
    expect(datesIn('Thirteen soldiers died in November.', '2020-01', 'en')).toEqual([month('2019-11', true)]);
  });

  it('dates "next March" in a June 2021 article to 2022-03', () => {
    expect(datesIn('Elections are planned for next March.', '2021-06', 'en')).toEqual([month('2022-03', true)]);
  });

  it('reads a future tense as the coming month ("will leave in June" in February 2022 → 2022-06)', () => {
    expect(datesIn('The troops will leave Mali in June.', '2022-02', 'en')).toEqual([month('2022-06', true)]);
  });

  it('dates "since 2013" to 2013', () => {
    expect(datesIn('France has fought jihadists there since 2013.', '2021-06', 'en')).toEqual([year('2013', false)]);
  });

  it('dates "last week" in an article of 10 June 2021 to the week of 31 May–6 June', () => {
    expect(datesIn('Last week Paris froze joint operations.', '2021-06-10', 'en')).toEqual([
      { date: '2021-05-31', end: '2021-06-06', precision: 'day', inferred: true },
    ]);
  });

  it('dates "on Thursday" in an article of Saturday 12 June 2021 to 2021-06-10', () => {
    expect(datesIn('Macron announced the end of Barkhane on Thursday.', '2021-06-12', 'en')).toEqual([
      day('2021-06-10', true),
    ]);
  });

  it('dates "last year" and "next year" against the article year', () => {
    expect(datesIn('Macron decided last year to cut troops.', '2022-02', 'en')).toEqual([year('2021', true)]);
    expect(datesIn('Fewer than 3000 troops will remain next year.', '2022-02', 'en')).toEqual([year('2023', true)]);
  });

  it('dates "earlier this month" to the article month', () => {
    expect(datesIn('The government said earlier this month it opposed suspending the mission.', '2022-02', 'en')).toEqual([
      month('2022-02', true),
    ]);
  });

  it('reads "from 1 to 6 February 2022" as a stated range', () => {
    expect(datesIn('Fighting went on from 1 to 6 February 2022.', null, 'en')).toEqual([
      { date: '2022-02-01', end: '2022-02-06', precision: 'day', inferred: false },
    ]);
  });
});
