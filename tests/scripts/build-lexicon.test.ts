import { describe, expect, it } from 'vitest';
import { buildLexicon, type Dicts, type L } from '../../scripts/build-lexicon.js';

/** A tiny set of dictionaries: `entries[from][to]` maps a headword to its translations, in order, senses split by "|". */
function dicts(entries: Partial<Record<L, Partial<Record<L, Record<string, string[]>>>>>): Dicts {
  const d: Dicts = new Map();
  for (const a of ['en', 'nl', 'fr'] as const) {
    d.set(a, new Map());
    for (const b of ['en', 'nl', 'fr'] as const) {
      if (a === b) continue;
      const m = new Map(Object.entries(entries[a]?.[b] ?? {}).map(([w, ts]) => [w, entry(ts)]));
      d.get(a)!.set(b, m);
    }
  }
  return d;
}

function entry(words: string[]): Map<string, number> {
  const e = new Map<string, number>();
  let sense = 0;
  for (const w of words) if (w === '|') sense++;
    else e.set(w, sense);
  return e;
}

const line = (lines: string[], pair: string, word: string) =>
  lines.find((l) => l.startsWith(`${pair}\t${word}\t`))?.split('\t')[2]?.split(',');

describe('build-lexicon', () => {
  it('keeps, of more than four two-way translations, those the third language confirms too', () => {
    const { lines } = buildLexicon(
      dicts({
        en: { nl: { troop: ['bende', 'horde', 'kudde', 'schare', 'troep'] }, fr: { troop: ['troupe'] } },
        nl: {
          en: { bende: ['troop'], horde: ['troop'], kudde: ['troop'], schare: ['troop'], troep: ['troop'] },
          fr: { troep: ['troupe'] },
        },
        fr: { en: { troupe: ['troop'] }, nl: { troupe: ['troep'] } },
      }),
    );
    // "troep" comes last in the dictionary (alphabetical) but is the one confirmed through French.
    expect(line(lines, 'en-nl', 'troop')).toEqual(['troep', 'bende', 'horde', 'kudde']);
  });

  it('fills a word the forward dictionary lacks from the opposite one, first-listed and shorter first', () => {
    const { lines } = buildLexicon(
      dicts({
        nl: {
          en: {
            carga: ['cargo'],
            goederen: ['cargo', '|', 'goods'],
            lading: ['cargo', '|', 'load'],
            scheepslading: ['cargo'],
            vracht: ['cargo', '|', 'load'],
            last: ['load', '|', 'cargo'],
            ontvangen: ['receive', 'takein'],
          },
        },
        // French attests "cargo" as an English word; nothing but nld-eng has the glued "takein".
        fr: { en: { chargement: ['load', 'cargo'] } },
      }),
    );
    expect(line(lines, 'en-nl', 'cargo')).toEqual(['carga', 'lading', 'vracht', 'goederen']);
    expect(line(lines, 'en-nl', 'takein')).toBeUndefined();
    // "load" is the first sense of "last", the second of "lading" and "vracht"
    expect(line(lines, 'en-nl', 'load')).toEqual(['last', 'lading', 'vracht']);
  });

  it('still drops a one-way pair of a word the forward dictionary translates otherwise (dictionary noise)', () => {
    const { lines } = buildLexicon(
      dicts({
        en: { nl: { withdraw: ['terugtrekken'] } },
        nl: { en: { terugtrekken: ['withdraw'], sterven: ['die', 'withdraw'] } },
      }),
    );
    expect(line(lines, 'en-nl', 'withdraw')).toEqual(['terugtrekken']);
  });
});
