import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../src/timeline/extract.js';
import { docOf, eventsIn } from './helpers.js';

describe('extractEvents', () => {
  it('makes one event per dated sentence, in text order, worded as the article words it', () => {
    const events = eventsIn('Sinds 2013 vecht Frankrijk in Mali. Niemand weet hoe lang nog. In 2020 kwam Takuba.', '2021-06', 'nl');
    expect(events.map((e) => [e.date, e.text])).toEqual([
      ['2013', 'Sinds 2013 vecht Frankrijk in Mali.'],
      ['2020', 'In 2020 kwam Takuba.'],
    ]);
  });

  it('cites the document, passage, article date and title', () => {
    const doc = docOf('Eerste alinea zonder datum.\n\nIn 2020 kwam Takuba.', '2021-06', 'nl', '001_x');
    const [event] = extractEvents(doc);
    expect(event?.citations).toEqual([{ docId: '001_x', passageId: '001_x#1', date: doc.date, title: doc.title }]);
  });

  it('gives the same ids on every run and different ids to different events', () => {
    const text = 'Sinds 2013 vecht Frankrijk in Mali. In 2020 kwam Takuba.';
    const first = eventsIn(text, '2021-06', 'nl').map((e) => e.id);
    expect(eventsIn(text, '2021-06', 'nl').map((e) => e.id)).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  it('uses the clause for each date when a sentence holds dates in clearly separate clauses', () => {
    const events = eventsIn('In 2013 begon Operatie Serval; in 2014 volgde Operatie Barkhane.', '2021-06', 'nl');
    expect(events.map((e) => [e.date, e.text])).toEqual([
      ['2013', 'In 2013 begon Operatie Serval'],
      ['2014', 'in 2014 volgde Operatie Barkhane.'],
    ]);
  });

  it('keeps the whole sentence for each date when its clauses are not clearly separate', () => {
    const sentence = 'Hij werd dit jaar aangesteld en zei vorige maand dat de verkiezingen uitgesteld worden.';
    const events = eventsIn(sentence, '2021-10', 'nl');
    expect(events.map((e) => e.date)).toEqual(['2021', '2021-09']);
    expect(events.every((e) => e.text === sentence)).toBe(true);
  });

  it('makes one event of a sentence that names the same date twice', () => {
    expect(eventsIn('Donderdag sprak Macron, en donderdag sprak ook Parly.', '2021-06', 'nl')).toHaveLength(1);
  });

  it("dates an embedded tweet by its signature and shows the tweet's words without the picture link", () => {
    const text =
      'Depuis 2013, la France a joué un rôle fédérateur. Nous continuerons à assurer ce rôle. pic.twitter.com/WUXVaQnYln — Emmanuel Macron (@EmmanuelMacron) February 17, 2022';
    const tweet = eventsIn(text, '2022-02', 'fr').find((e) => e.date === '2022-02-17');
    expect(tweet?.text).toBe(
      'Depuis 2013, la France a joué un rôle fédérateur. Nous continuerons à assurer ce rôle. — Emmanuel Macron (@EmmanuelMacron) February 17, 2022',
    );
  });

  it('gives an undated document events only from dates whose year its text states', () => {
    const events = eventsIn(
      'Du 1er au 6 février, les militaires frappaient. Le rapport date d’avril 2021. La semaine dernière, rien.',
      null,
      'fr',
    );
    expect(events.map((e) => e.date)).toEqual(['2021-04']);
  });
});
