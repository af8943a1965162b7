import { describe, expect, it } from 'vitest';
import { datesIn, eventsIn } from './helpers.js';

const day = (date: string, inferred: boolean) => ({ date, precision: 'day', inferred });
const month = (date: string, inferred: boolean) => ({ date, precision: 'month', inferred });
const year = (date: string, inferred: boolean) => ({ date, precision: 'year', inferred });

describe('French date resolution', () => {
  it('dates "17 février 2022" to 2022-02-17, stated, even in an undated article', () => {
    expect(datesIn('Le 17 février 2022, la France a annoncé son retrait.', null, 'fr')).toEqual([day('2022-02-17', false)]);
  });

  it('dates "du 1er au 6 février" in a March 2022 article to 2022-02-01..2022-02-06', () => {
    expect(datesIn('Du 1er au 6 février, les militaires frappaient un grand coup.', '2022-03', 'fr')).toEqual([
      { date: '2022-02-01', end: '2022-02-06', precision: 'day', inferred: true },
    ]);
  });

  it('gives no event for "du 1er au 6 février" in an undated article (no year to give it)', () => {
    expect(datesIn('Du 1er au 6 février, les militaires frappaient un grand coup.', null, 'fr')).toEqual([]);
  });

  it('dates "dans la nuit du 11 au 12 mai" in a June 2021 article to 2021-05-11..2021-05-12', () => {
    expect(datesIn("Une tentative de coup d'État a échoué dans la nuit du 11 au 12 mai.", '2021-06', 'fr')).toEqual([
      { date: '2021-05-11', end: '2021-05-12', precision: 'day', inferred: true },
    ]);
  });

  it('dates "en avril 2021" to 2021-04 in an undated article', () => {
    expect(datesIn("C'est le rapport sur l'opération Barkhane en avril 2021.", null, 'fr')).toEqual([month('2021-04', false)]);
  });

  it('dates "en 2023" to 2023', () => {
    expect(datesIn('La présence française sera réduite en 2023.', '2021-10', 'fr')).toEqual([year('2023', false)]);
  });

  it('dates "Depuis 2013" to 2013', () => {
    expect(datesIn('Depuis 2013, la France a joué un rôle fédérateur.', '2022-02', 'fr')).toEqual([year('2013', false)]);
  });

  it('reads "entre début 2020 et début 2021" as the years 2020..2021', () => {
    expect(datesIn("869 membres de l'EIGS ont été tués entre début 2020 et début 2021.", null, 'fr')).toEqual([
      { date: '2020', end: '2021', precision: 'year', inferred: false },
    ]);
  });

  it('dates "en novembre" in a January 2020 article to 2019-11', () => {
    expect(datesIn('Treize soldats sont morts en novembre.', '2020-01', 'fr')).toEqual([month('2019-11', true)]);
  });

  it('dates "en novembre dernier" in a November 2022 article to the November before', () => {
    expect(datesIn('Treize soldats sont morts en novembre dernier.', '2022-11', 'fr')).toEqual([month('2021-11', true)]);
  });

  it('reads a future tense as the coming month ("se terminera en juin" in February 2022 → 2022-06)', () => {
    expect(datesIn("L'opération se terminera en juin.", '2022-02', 'fr')).toEqual([month('2022-06', true)]);
  });

  it("dates \"l'an dernier\" in a February 2022 article to 2021", () => {
    expect(datesIn("Macron a annoncé l'an dernier la réduction des troupes.", '2022-02', 'fr')).toEqual([
      year('2021', true),
    ]);
  });

  it("dates \"l'année prochaine\" in a February 2022 article to 2023", () => {
    expect(datesIn("Les élections auront lieu l'année prochaine.", '2022-02', 'fr')).toEqual([year('2023', true)]);
  });

  it('dates "le mois dernier" in an October 2021 article to 2021-09', () => {
    expect(datesIn("Il l'a laissé entendre le mois dernier à l'ONU.", '2021-10', 'fr')).toEqual([month('2021-09', true)]);
  });

  it('dates "jeudi dernier" in an article of Thursday 10 June 2021 to 2021-06-03', () => {
    expect(datesIn('Macron a parlé jeudi dernier.', '2021-06-10', 'fr')).toEqual([day('2021-06-03', true)]);
  });

  it('dates "hier" in an article of 10 June 2021 to 2021-06-09', () => {
    expect(datesIn('Hier, les avions ont atterri.', '2021-06-10', 'fr')).toEqual([day('2021-06-09', true)]);
  });

  it('reads "hier" as a date only in French (in Dutch it means "here")', () => {
    expect(datesIn('Hier landden de vliegtuigen.', '2021-06-10', 'nl')).toEqual([]);
  });

  it('dates "la semaine dernière" in a month-precision article to the article\'s month', () => {
    expect(datesIn('La semaine dernière, Paris a gelé les opérations.', '2021-06', 'fr')).toEqual([
      month('2021-06', true),
    ]);
  });

  it('keeps "ce mois de novembre" a named month, not "this month"', () => {
    expect(datesIn('Les combats ont repris depuis ce mois de novembre.', '2022-01', 'fr')).toEqual([
      month('2021-11', true),
    ]);
  });

  it('marks the event with the passage language', () => {
    expect(eventsIn('Depuis 2013, la France est au Mali.', '2022-02', 'fr')[0]?.lang).toBe('fr');
  });
});
