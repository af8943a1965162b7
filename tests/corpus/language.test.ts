import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage, detectQuestionLanguage } from '../../src/corpus/language.js';
import type { Lang } from '../../src/types.js';

const questions = readFileSync(fileURLToPath(new URL('../fixtures/dev-questions.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { id: string; lang: Lang; question: string });

describe('detectLanguage', () => {
  it('reads a three-word question by its question word when it holds no stopword; a passage stays read by its stopwords', () => {
    expect(detectQuestionLanguage('Waar ligt Kidal?', 'en')).toBe('nl');
    expect(detectQuestionLanguage('Hoeveel kost Barkhane?', 'en')).toBe('nl');
    expect(detectQuestionLanguage('Combien coûte Barkhane ?', 'en')).toBe('fr');
    expect(detectQuestionLanguage('Pourquoi Barkhane ?', 'en')).toBe('fr');
    expect(detectQuestionLanguage('Why Barkhane?', 'nl')).toBe('en');
    expect(detectLanguage('Hoeveel kost Barkhane?', 'en')).toBe('en');
  });

  it('has all the dev questions to check', () => {
    expect(questions).toHaveLength(16);
  });

  it.each(questions.map((q) => [q.id, q.lang, q.question] as const))(
    'detects dev question %s as %s',
    (_id, lang, question) => {
      expect(detectLanguage(question)).toBe(lang);
    },
  );

  it.each([
    ['Who won the Tour de France in 2021?', 'en'],
    ['Wat zei Macron over de terugtrekking?', 'nl'],
    ['Pourquoi la France quitte-t-elle le Mali ?', 'fr'],
    ['Waarom vertrekt Frankrijk uit Mali?', 'nl'],
    ['Why did France leave Mali?', 'en'],
  ] as Array<[string, Lang]>)('detects the short question "%s" as %s', (question, lang) => {
    expect(detectLanguage(question)).toBe(lang);
  });

  it('detects a French paragraph and a Dutch paragraph', () => {
    expect(
      detectLanguage(
        'Depuis 2013, à la demande des autorités maliennes et des autorités de la région, la France a joué un rôle fédérateur de cette mobilisation internationale en faveur du Sahel.',
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'De directe aanleiding tot de terugtrekking is de militaire putsch in Mali van 24 mei, de tweede in acht maanden tijd.',
      ),
    ).toBe('nl');
  });

  it('returns the fallback when the text has no words', () => {
    expect(detectLanguage('', 'nl')).toBe('nl');
    expect(detectLanguage('1234 — 56!', 'fr')).toBe('fr');
    expect(detectLanguage('   ')).toBe('en');
  });

  it('returns the fallback for a word or two with no function word to go on', () => {
    expect(detectLanguage('Barkhane?', 'fr')).toBe('fr');
    expect(detectLanguage('Wagner Groep', 'en')).toBe('en');
  });
});
