import { describe, expect, it } from 'vitest';
import { parseDateValue, parseFrontMatter, renderFrontMatter } from '../../src/corpus/front-matter.js';
import { folderArticle } from '../../src/corpus/stored.js';

describe('parseFrontMatter', () => {
  it('reads title, date, url, site, author and lang, and leaves the body after the block', () => {
    const raw = '---\ntitle: "Le retrait: \\"fin\\""\ndate: 2022-02-17\nurl: https://www.lemonde.fr/a.html\nsite: \'L\'\'Monde\'\nauthor: Jean\nlang: FR\nother: ignored\n---\nLe texte.';
    expect(parseFrontMatter(raw)).toEqual({
      meta: {
        title: 'Le retrait: "fin"',
        date: { iso: '2022-02-17', precision: 'day', inferred: false },
        url: 'https://www.lemonde.fr/a.html',
        site: "L'Monde",
        author: 'Jean',
        lang: 'fr',
      },
      body: 'Le texte.',
    });
  });

  it('leaves text without a closed block as it is', () => {
    expect(parseFrontMatter('---\ntitle: x\nLe texte.')).toEqual({ meta: {}, body: '---\ntitle: x\nLe texte.' });
    expect(parseFrontMatter(' date 2022-02 Le texte.').meta).toEqual({});
  });

  it('reads a year, a month, a day or a date-time, and refuses an impossible date', () => {
    expect(parseDateValue('2022')).toEqual({ iso: '2022', precision: 'year', inferred: false });
    expect(parseDateValue('2022-02')).toMatchObject({ iso: '2022-02', precision: 'month' });
    expect(parseDateValue('2022-02-17T09:30:00+01:00')).toMatchObject({ iso: '2022-02-17', precision: 'day' });
    expect(parseDateValue('2022-02-30')).toBeNull();
    expect(parseDateValue('17 février')).toBeNull();
  });

  it('reads back what renderFrontMatter writes, whatever the characters', () => {
    const meta = { title: 'Un titre\n"cité" --- et : deux-points', date: { iso: '2021-06', precision: 'month' as const, inferred: true }, url: 'https://x.example/?a=1&b=2', site: 'Site', lang: 'nl' };
    expect(parseFrontMatter(`${renderFrontMatter(meta)}Tekst.`)).toEqual({ meta, body: 'Tekst.' });
  });
});

describe('folderArticle', () => {
  it('keeps the seed header working and prefers the front matter date', () => {
    expect(folderArticle('a.txt', ' date 2021-06 Takuba telt zeshonderd soldaten.')).toMatchObject({ date: { iso: '2021-06', precision: 'month' }, title: null });
    expect(folderArticle('a.md', '---\ndate: 2022-01-05\ntitle: Kop\n---\n date 2021-06 Takuba.')).toMatchObject({ date: { iso: '2022-01-05' }, title: 'Kop', text: 'Takuba.' });
    expect(folderArticle('a.md', '---\ntitle: Kop\n---\n')).toEqual({ skip: expect.stringMatching(/no text left/) });
  });
});
