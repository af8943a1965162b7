import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/types.js';
import { datesIn } from './helpers.js';

/** Sentences that name numbers, durations or times but no date: no event in a dated article. */
const NOT_DATES: [string, Lang][] = [
  ['Bij Barkhane zijn 5100 manschappen betrokken.', 'nl'],
  ['Het aantal zakt naar circa 2500-3000 soldaten.', 'nl'],
  ['Les troupes au sol et de Mirage 2000 de l’armée de l’air.', 'fr'],
  ['De Wagner Groep gaat 1000 man sturen.', 'nl'],
  ['Frankrijk stuurde tegen 2000 strijders een nieuwe eenheid.', 'nl'],
  ['Er waren twee staatsgrepen in twee jaar tijd.', 'nl'],
  ['Het was de tweede in acht maanden tijd.', 'nl'],
  ['De vergadering begint om 14.30 uur.', 'nl'],
  ['La réunion commence à 14h30.', 'fr'],
  ['Ongeveer 3/4 van de soldaten is Frans.', 'nl'],
  ['Mali: le délai de la transition fixé à 2 ans.', 'fr'],
  ['De operaties worden de komende weken opgestart.', 'nl'],
  ['Er vonden de voorbije maanden dodelijke aanvallen plaats.', 'nl'],
  ['Er vielen de afgelopen jaren meer dan vijftig doden.', 'nl'],
  ['Een mars door Bamako eindigde vreedzaam.', 'nl'],
  ['You may 5 times ask the same question.', 'en'],
  ['Troops march on the capital.', 'en'],
  ['De G5 Sahel-top koos voor zondagsrust.', 'nl'],
  ['Estland, dat 100 soldaten in Mali heeft, haalt hen terug.', 'nl'],
];

describe('false-positive guards', () => {
  for (const [sentence, lang] of NOT_DATES) {
    it(`finds no date in "${sentence}"`, () => {
      expect(datesIn(sentence, '2021-06', lang)).toEqual([]);
    });
  }

  it('finds only the date in "de putsch van 24 mei, de tweede in acht maanden tijd"', () => {
    expect(datesIn('De putsch in Mali van 24 mei, de tweede in acht maanden tijd.', '2021-06', 'nl').map((d) => d.date)).toEqual([
      '2021-05-24',
    ]);
  });

  it('finds only 2023 in "van de huidige 5100 manschappen naar circa 2500-3000 in 2023"', () => {
    expect(
      datesIn('Een troepenreductie van de huidige 5100 manschappen naar circa 2500-3000 in 2023.', '2021-10', 'nl').map(
        (d) => d.date,
      ),
    ).toEqual(['2023']);
  });

  it('does not take a number in a year range with a quantity after it for years ("tussen 1900 en 2000 soldaten")', () => {
    expect(datesIn('Er zijn tussen 1900 en 2000 soldaten.', '2021-06', 'nl')).toEqual([]);
  });
});
