import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentences.js';

/** The sentence texts, after checking every offset points at its text. */
function texts(source: string): string[] {
  const sentences = splitSentences(source);
  for (const s of sentences) expect(source.slice(s.start, s.end)).toBe(s.text);
  return sentences.map((s) => s.text);
}

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks with offsets into the text', () => {
    const source = 'Frankrijk vertrekt. Waarom? Omdat het moet!  Einde.';
    expect(splitSentences(source)).toEqual([
      { text: 'Frankrijk vertrekt.', start: 0, end: 19 },
      { text: 'Waarom?', start: 20, end: 27 },
      { text: 'Omdat het moet!', start: 28, end: 43 },
      { text: 'Einde.', start: 45, end: 51 },
    ]);
  });

  it('does not split after abbreviations and titles', () => {
    expect(texts('Dr. Jansen en mr. De Vries spraken. Zie p. 5 en nr. 3 van het rapport. Het ging goed.')).toEqual([
      'Dr. Jansen en mr. De Vries spraken.',
      'Zie p. 5 en nr. 3 van het rapport.',
      'Het ging goed.',
    ]);
    expect(texts('Frankrijk, Estland e.a. Landen sturen troepen. Daarna niet.')).toEqual([
      'Frankrijk, Estland e.a. Landen sturen troepen.',
      'Daarna niet.',
    ]);
  });

  it('still splits after ordinary words that look like abbreviations ("me", "est", "km", "no")', () => {
    expect(texts("Hij vroeg het aan me. Toen ging hij. Ils sont à l'est. Puis 300 km. He said no. Then No. 5 won.")).toEqual([
      'Hij vroeg het aan me.',
      'Toen ging hij.',
      "Ils sont à l'est.",
      'Puis 300 km.',
      'He said no.',
      'Then No. 5 won.',
    ]);
  });

  it('does not split after initials or "M." before a name', () => {
    expect(texts('M. Macron a parlé. J. Borell waarschuwde. J.F. Kennedy spoke.')).toEqual([
      'M. Macron a parlé.',
      'J. Borell waarschuwde.',
      'J.F. Kennedy spoke.',
    ]);
  });

  it('keeps numbers such as 1.000 and 2.5 whole but splits after a year that ends a sentence', () => {
    expect(texts('Het kost 1.000 euro, of 2.5 procent. Dat was in 2013. Nu niet meer.')).toEqual([
      'Het kost 1.000 euro, of 2.5 procent.',
      'Dat was in 2013.',
      'Nu niet meer.',
    ]);
  });

  it('keeps closing quotes with their sentence („…”, “…”, "…", « … »)', () => {
    expect(texts('Hij zei: „Het is klaar.” Toen ging hij. “Ja.” "Nee!" « C\'est fini. » Il part.')).toEqual([
      'Hij zei: „Het is klaar.”',
      'Toen ging hij.',
      '“Ja.”',
      '"Nee!"',
      '« C\'est fini. »',
      'Il part.',
    ]);
  });

  it('does not split inside a quote followed by a comma', () => {
    expect(texts('"Ik wijs deze term volledig af", zei hij. Daarna zweeg hij.')).toEqual([
      '"Ik wijs deze term volledig af", zei hij.',
      'Daarna zweeg hij.',
    ]);
  });

  it('treats an ellipsis as an end only before a new sentence', () => {
    expect(texts('Hij wachtte... en wachtte. Toen... Niets.')).toEqual(['Hij wachtte... en wachtte.', 'Toen...', 'Niets.']);
    expect(texts('Hij wachtte… Niets.')).toEqual(['Hij wachtte…', 'Niets.']);
  });

  it('ends a sentence at a line break, so headings stay apart', () => {
    expect(texts('Uitweg voor Parijs\n\nDe putsch biedt een uitweg')).toEqual([
      'Uitweg voor Parijs',
      'De putsch biedt een uitweg',
    ]);
  });

  it('does not split inside a URL or a handle', () => {
    expect(texts('Zie pic.twitter.com/WUXVaQnYln en @EmmanuelMacron. Klaar.')).toEqual([
      'Zie pic.twitter.com/WUXVaQnYln en @EmmanuelMacron.',
      'Klaar.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});
