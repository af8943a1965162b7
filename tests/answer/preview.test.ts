import { describe, expect, it } from 'vitest';
import { createAnswerPreview } from '../../src/answer/preview.js';
import { FR_LAST_SOLDIER, NL_ANNOUNCEMENT } from './llm-fixtures.js';

const SOURCES = [NL_ANNOUNCEMENT, FR_LAST_SOLDIER];

/** The previews shown while `text` arrives character by character. */
function previews(text: string, lang: 'en' | 'nl' = 'en'): string[] {
  const preview = createAnswerPreview(SOURCES, 'When did France leave Mali?', lang);
  const shown: string[] = [];
  for (let i = 1; i <= text.length; i++) {
    const p = preview.update(text.slice(0, i));
    if (p !== undefined) shown.push(p);
  }
  return shown;
}

describe('createAnswerPreview', () => {
  it('shows complete, grounded sentences once one is cited, each preview extending the last', () => {
    const shown = previews('That is a good question. France announced it on 17 February 2022 [1]. In total 9999 soldiers died [2]. The last soldier left on 15 August 2022 [2]. And then');
    expect(shown).toEqual([
      'That is a good question. France announced it on 17 February 2022 [1].',
      'That is a good question. France announced it on 17 February 2022 [1]. The last soldier left on 15 August 2022 [2].',
    ]);
  });

  it('renumbers as the final answer will, and holds back a sources list being written', () => {
    const shown = previews('The last soldier left on 15 August 2022 [2]. It was announced in February 2022 [1].\n\nSources:\n[1] Frankrijk trekt troepen terug uit Mali\n[2] Le dernier');
    expect(shown.at(-1)).toBe('The last soldier left on 15 August 2022 [1]. It was announced in February 2022 [2].');
  });

  it('stops showing an answer in another language than the question’s', () => {
    expect(previews('Frankrijk kondigde de terugtrekking aan op 17 februari 2022 [1]. De laatste soldaat vertrok op 15 augustus 2022 [2]. Klaar.')).toEqual([]);
  });
});
