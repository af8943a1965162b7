import { describe, expect, it } from 'vitest';
import { nearestSameDay, republish, seededRandom, sweep } from '../../src/bench/dedupe-pairs.js';

const article = {
  id: 'a',
  date: '2020-07-02',
  heading: 'Un résumé qui remplace le chapeau.',
  text: 'Premier paragraphe du récit.Deuxième phrase du récit ici. Troisième phrase avec des faits. Quatrième phrase qui conclut. Cinquième phrase en plus.',
};

describe('republish', () => {
  it('changes the lead and adds a byline and a footer, the same way for the same seed', () => {
    const one = republish(article, 'Autre titre', seededRandom(1), 0)!;
    expect(one.text).toMatch(/^Par .+, avec /);
    expect(one.text).toContain('Lire aussi : Autre titre');
    expect(one.text).not.toContain('Premier paragraphe');
    expect(republish(article, 'Autre titre', seededRandom(1), 0)).toEqual(one);
  });

  it('refuses an article too short to lose its lead', () => {
    expect(republish({ id: 'b', text: 'Une phrase. Deux phrases.' }, 'x', seededRandom(1))).toBeNull();
  });
});

describe('nearestSameDay', () => {
  it('pairs an article with the one of its day sharing the most words, never another day', () => {
    const all = [
      { id: 'a', date: '2020-01-01', text: 'Barkhane quitte Gao ce mardi, annonce Paris' },
      { id: 'b', date: '2020-01-01', text: 'Barkhane quitte Gao: Paris annonce le départ' },
      { id: 'c', date: '2020-01-01', text: 'Football: victoire du club lyonnais' },
      { id: 'd', date: '2020-01-02', text: 'Barkhane quitte Gao ce mardi, annonce Paris' },
    ];
    expect(nearestSameDay([all[0]!], all).map((p) => p.b.id)).toEqual(['b']);
  });
});

describe('sweep', () => {
  it('counts what each threshold flags', () => {
    const [row] = sweep([0.9, 0.5, 0.2], [0.6, 0.1], [0.5]);
    expect(row).toEqual({ threshold: 0.5, precision: 2 / 3, recall: 2 / 3, truePositives: 2, falsePositives: 1 });
  });
});
