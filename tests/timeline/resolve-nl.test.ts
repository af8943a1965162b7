import { describe, expect, it } from 'vitest';
import { datesIn } from './helpers.js';

const day = (date: string, inferred: boolean) => ({ date, precision: 'day', inferred });
const month = (date: string, inferred: boolean) => ({ date, precision: 'month', inferred });
const year = (date: string, inferred: boolean) => ({ date, precision: 'year', inferred });

describe('Dutch date resolution', () => {
  describe('explicit dates', () => {
    it('dates "24 mei" in a June 2021 article to 2021-05-24, day precision, year inferred', () => {
      expect(datesIn('De putsch in Mali van 24 mei was de tweede.', '2021-06', 'nl')).toEqual([day('2021-05-24', true)]);
    });

    it('dates "op 30 mei" in a June 2021 article to 2021-05-30', () => {
      expect(datesIn('Dat zei Macron op 30 mei al in een interview.', '2021-06', 'nl')).toEqual([day('2021-05-30', true)]);
    });

    it('puts a day after the article date in the year before ("24 december" in a June 2021 article)', () => {
      expect(datesIn('Op 24 december viel de regering.', '2021-06', 'nl')).toEqual([day('2020-12-24', true)]);
    });

    it('takes a stated year as stated ("3 januari 2020"), even in an undated article', () => {
      expect(datesIn('Op 3 januari 2020 begon het offensief.', null, 'nl')).toEqual([day('2020-01-03', false)]);
    });

    it('dates "27 februari volgend jaar" in an October 2021 article to 2022-02-27', () => {
      expect(
        datesIn('De verkiezingen zouden uiterlijk 27 februari volgend jaar worden gehouden.', '2021-10', 'nl'),
      ).toEqual([day('2022-02-27', true)]);
    });
  });

  describe('months without a year', () => {
    it('dates "in november" in a January 2020 article to 2019-11', () => {
      expect(datesIn('Macron nodigde hen uit na de dood van 13 soldaten, in november.', '2020-01', 'nl')).toEqual([
        month('2019-11', true),
      ]);
    });

    it('keeps "in november" in the same year when the article is from December', () => {
      expect(datesIn('Het offensief begon in november.', '2021-12', 'nl')).toEqual([month('2021-11', true)]);
    });

    it("counts the article's own month as not after it (\"in juni\" in a June article)", () => {
      expect(datesIn('De troepen vertrokken in juni.', '2021-06', 'nl')).toEqual([month('2021-06', true)]);
    });

    it('reads a future tense as the coming month ("zou in juni voltooid moeten zijn" in February 2022 → 2022-06)', () => {
      expect(datesIn('Het verplaatsen van de militairen zou in juni voltooid moeten zijn.', '2022-02', 'nl')).toEqual([
        month('2022-06', true),
      ]);
    });

    it('reads "komende november" as the coming November', () => {
      expect(datesIn('De missie stopt komende november.', '2021-06', 'nl')).toEqual([month('2021-11', true)]);
    });

    it('dates "In oktober vorig jaar" in a February 2022 article to 2021-10', () => {
      expect(datesIn('In oktober vorig jaar begon de terugtrekking uit Kidal.', '2022-02', 'nl')).toEqual([
        month('2021-10', true),
      ]);
    });

    it('dates "sinds augustus vorig jaar" in an October 2021 article to 2020-08', () => {
      expect(datesIn('Het leger pleegde sinds augustus vorig jaar twee staatsgrepen.', '2021-10', 'nl')).toEqual([
        month('2020-08', true),
      ]);
    });

    it('takes "mei 2021" as stated', () => {
      expect(datesIn('De coup van mei 2021 veranderde alles.', '2022-02', 'nl')).toEqual([month('2021-05', false)]);
    });
  });

  describe('years', () => {
    it('dates "sinds 2013" to 2013, year precision, stated', () => {
      expect(datesIn('Frankrijk strijdt er sinds 2013 tegen jihadisten.', '2021-06', 'nl')).toEqual([year('2013', false)]);
    });

    it('dates "in 2020" to 2020', () => {
      expect(datesIn('Om die reden is in 2020 de taskforce Takuba opgericht.', '2021-06', 'nl')).toEqual([
        year('2020', false),
      ]);
    });

    it('dates "in 2023" after quantities to 2023 only ("5100 manschappen naar circa 2500-3000 in 2023")', () => {
      expect(
        datesIn('Frankrijk kondigde een reductie aan van de huidige 5100 manschappen naar circa 2500-3000 in 2023.', '2021-10', 'nl'),
      ).toEqual([year('2023', false)]);
    });

    it('reads "van 2013 tot 2014" as a range of years', () => {
      expect(datesIn('Van 2013 tot 2014 liep Operatie Serval.', '2021-06', 'nl')).toEqual([
        { date: '2013', end: '2014', precision: 'year', inferred: false },
      ]);
    });
  });

  describe('relative expressions', () => {
    it('dates "vorige week" in a month-precision June 2021 article to 2021-06, month precision', () => {
      expect(datesIn('Vorige week had Parijs de operaties bevroren.', '2021-06', 'nl')).toEqual([month('2021-06', true)]);
    });

    it('dates "vorige week" in an article of Thursday 10 June 2021 to the week of 31 May–6 June', () => {
      expect(datesIn('Vorige week had Parijs de operaties bevroren.', '2021-06-10', 'nl')).toEqual([
        { date: '2021-05-31', end: '2021-06-06', precision: 'day', inferred: true },
      ]);
    });

    it('dates "Donderdag" in a month-precision June 2021 article to 2021-06, month precision', () => {
      expect(datesIn('Donderdag heeft Macron het einde van Barkhane aangekondigd.', '2021-06', 'nl')).toEqual([
        month('2021-06', true),
      ]);
    });

    it('dates "donderdag" in an article of Saturday 12 June 2021 to Thursday 2021-06-10', () => {
      expect(datesIn('Dat zei Macron donderdag.', '2021-06-12', 'nl')).toEqual([day('2021-06-10', true)]);
    });

    it('dates "donderdag" in an article of that Thursday to the same day', () => {
      expect(datesIn('Dat zei Macron donderdag.', '2021-06-10', 'nl')).toEqual([day('2021-06-10', true)]);
    });

    it('reads the tense of the saying, not of the quote ("„Takuba moet de pijler worden”, zei Macron donderdag")', () => {
      expect(datesIn('„Takuba moet de pijler worden”, zei Macron donderdag.', '2021-06-12', 'nl')).toEqual([
        day('2021-06-10', true),
      ]);
    });

    it('reads a future tense as the coming weekday ("zal donderdag spreken")', () => {
      expect(datesIn('Macron zal donderdag spreken.', '2021-06-12', 'nl')).toEqual([day('2021-06-17', true)]);
    });

    it('dates "vorige donderdag" in an article of a Thursday to the Thursday before', () => {
      expect(datesIn('Dat zei Macron vorige donderdag.', '2021-06-10', 'nl')).toEqual([day('2021-06-03', true)]);
    });

    it('dates "eerder deze maand" in a January 2020 article to 2020-01', () => {
      expect(datesIn('Macron ontving eerder deze maand de presidenten in Pau.', '2020-01', 'nl')).toEqual([
        month('2020-01', true),
      ]);
    });

    it('dates "vorige maand" in a January 2021 article to 2020-12', () => {
      expect(datesIn('Vorige maand sprak hij de Verenigde Naties toe.', '2021-01', 'nl')).toEqual([month('2020-12', true)]);
    });

    it('dates "vorig jaar" in a February 2022 article to 2021', () => {
      expect(datesIn('President Macron maakte vorig jaar bekend de troepen te verminderen.', '2022-02', 'nl')).toEqual([
        year('2021', true),
      ]);
    });

    it('dates "volgend jaar" in a February 2022 article to 2023', () => {
      expect(datesIn('Volgend jaar moeten er minder dan 3000 actief zijn.', '2022-02', 'nl')).toEqual([year('2023', true)]);
    });

    it('dates "dit jaar" in an October 2021 article to 2021', () => {
      expect(datesIn('Hij werd na de staatsgreep dit jaar aangesteld.', '2021-10', 'nl')).toEqual([year('2021', true)]);
    });

    it('dates "gisteren" in an article of 10 June 2021 to 2021-06-09', () => {
      expect(datesIn('Gisteren landden de vliegtuigen.', '2021-06-10', 'nl')).toEqual([day('2021-06-09', true)]);
    });
  });

  describe('ranges', () => {
    it('dates "van 1 tot 6 februari" in a March 2022 article to 2022-02-01..2022-02-06', () => {
      expect(datesIn('Van 1 tot 6 februari werd er gevochten.', '2022-03', 'nl')).toEqual([
        { date: '2022-02-01', end: '2022-02-06', precision: 'day', inferred: true },
      ]);
    });

    it('lets a range cross the new year ("van 20 december tot 5 januari" in February 2021)', () => {
      expect(datesIn('Van 20 december tot 5 januari was de grens dicht.', '2021-02', 'nl')).toEqual([
        { date: '2020-12-20', end: '2021-01-05', precision: 'day', inferred: true },
      ]);
    });
  });

  it('gives an undated article no events from relative or year-less dates', () => {
    expect(datesIn('Vorige week, donderdag, in november en op 24 mei gebeurde er veel.', null, 'nl')).toEqual([]);
  });
});
