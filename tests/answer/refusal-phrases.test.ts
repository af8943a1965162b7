import { describe, expect, it } from 'vitest';
import { isRefusalPhrase } from '../../src/answer/refusal-phrases.js';

describe('isRefusalPhrase', () => {
  const refusals = [
    'The provided sources do not contain information about the football cup.',
    'The sources don’t mention who won.',
    'There is no information about this in the sources.',
    'I cannot find the answer in the passages.',
    'This is not mentioned in the provided sources.',
    'The corpus does not say.',
    'De bronnen vermelden niet wie de beker won.',
    'De aangeleverde bronnen bevatten geen informatie over voetbal.',
    'Er is geen informatie te vinden over de winnaar.',
    'Het corpus zegt hier niets over.',
    'Les sources fournies ne précisent pas qui a gagné.',
    'Les passages ne contiennent aucune information à ce sujet.',
    'Aucune information sur la coupe dans les sources.',
    'Le corpus ne le dit pas.',
  ];
  for (const s of refusals) it(`recognises “${s}”`, () => expect(isRefusalPhrase(s)).toBe(true));

  const answers = [
    'France announced the withdrawal on 17 February 2022 [1].',
    'According to the sources, the last soldier left in August 2022 [2].',
    'De bronnen melden dat Frankrijk vertrekt [1].',
    'Les sources indiquent que le dernier soldat est parti [1].',
  ];
  for (const s of answers) it(`does not take “${s}” for a refusal`, () => expect(isRefusalPhrase(s)).toBe(false));
});
