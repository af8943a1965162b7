import { describe, expect, it } from 'vitest';
import { documentPages } from '../../../src/discord/render/documents.js';
import { timelinePages } from '../../../src/discord/render/timeline.js';
import type { DocumentMeta, TimelineEvent } from '../../../src/types.js';

const event = (date: string, text: string, precision: TimelineEvent['precision'] = 'day', inferred = false): TimelineEvent => ({
  id: date + text,
  date,
  precision,
  inferred,
  text,
  lang: 'nl',
  citations: [{ docId: 'd1', passageId: 'd1#0', date: { iso: '2021-06', precision: 'month', inferred: false }, title: 'De beslissing' }],
});

describe('timelinePages', () => {
  it('groups events under year and month headings, each line citing its article', () => {
    const [page] = timelinePages(
      [event('2021', 'Het jaar van de coup', 'year'), event('2021-05-24', 'Militaire putsch'), event('2021-06-10', 'Macron kondigt het einde aan', 'day', true)],
      { topic: 'Barkhane' },
    );
    expect(page!.title).toBe('Timeline: Barkhane');
    expect(page!.description).toBe(
      [
        '### 2021',
        '• `2021` Het jaar van de coup — *De beslissing*, 2021-06',
        '**May**',
        '• `2021-05-24` Militaire putsch — *De beslissing*, 2021-06',
        '**June**',
        '• `≈2021-06-10` Macron kondigt het einde aan — *De beslissing*, 2021-06',
      ].join('\n'),
    );
  });

  it('links the cited article when it has an address', () => {
    const linked: TimelineEvent = { ...event('2022-08-15', 'Le dernier soldat quitte le Mali'), citations: [{ docId: 'url_1', passageId: 'url_1#0', date: { iso: '2022-08-15', precision: 'day', inferred: false }, title: 'Barkhane : la fin', url: 'https://www.lemonde.fr/a.html' }] };
    expect(timelinePages([linked], {})[0]!.description).toContain('— *[Barkhane : la fin](<https://www.lemonde.fr/a.html>)*, ');
  });

  it('pages a long timeline, repeating the headings at the top of each page', () => {
    const events = Array.from({ length: 80 }, (_, i) => event(`2022-03-${String((i % 28) + 1).padStart(2, '0')}`, `Gebeurtenis ${i} ${'met veel woorden '.repeat(6)}`));
    const pages = timelinePages(events, {});
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expect(p.description!.length).toBeLessThanOrEqual(4096);
      expect(p.description).toMatch(/^### 2022\n\*\*March\*\*\n/);
    }
    expect(pages.map((p) => p.description).join('\n').match(/^• /gm)).toHaveLength(80);
  });

  it('says so when nothing matches, naming the range', () => {
    const [page] = timelinePages([], { from: '2019', to: '2020-02' });
    expect(page!.title).toBe('Timeline (2019 → 2020-02)');
    expect(page!.description).toMatch(/No dated events/);
  });
});

describe('documentPages', () => {
  it('lists id, date, language, passages and title, and counts documents and passages', () => {
    const doc: DocumentMeta = { id: '001_x', file: '001_x.txt', date: null, title: 'Een titel', lang: 'fr', hash: 'h', passageCount: 4 };
    const [page] = documentPages([doc, { ...doc, id: '002_y', date: { iso: '2022-02-17', precision: 'day', inferred: true } }]);
    expect(page!.title).toBe('Sources in the corpus (2 documents, 8 passages)');
    expect(page!.description).toContain('`001_x` · undated · fr · 4 passages\nEen titel');
    expect(page!.description).toContain('`002_y` · 2022-02-17 (inferred) · fr');
  });
});
