import { describe, expect, it } from 'vitest';
import { NO_EVENTS_TEXT, renderTimelineText } from '../../src/timeline/render-text.js';
import type { TimelineEvent } from '../../src/types.js';

function event(date: string, text: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: date,
    date,
    precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day',
    inferred: false,
    text,
    lang: 'nl',
    citations: [{ docId: '001_a', passageId: '001_a#0', date: null, title: 't' }],
    ...extra,
  };
}

describe('renderTimelineText', () => {
  it('groups events under year headings, one numbered line each with date, text and document id', () => {
    const text = renderTimelineText([
      event('2013', 'Serval begint.'),
      event('2021-05-24', 'Putsch in Mali.'),
      event('2021-06', 'Macron kondigt het einde van Barkhane aan.', { inferred: true }),
    ]);
    expect(text.split('\n')).toEqual([
      '2013',
      '  1. 2013        Serval begint.  [001_a]',
      '',
      '2021',
      '  2. 2021-05-24  Putsch in Mali.  [001_a]',
      '  3. 2021-06     Macron kondigt het einde van Barkhane aan. (inferred)  [001_a]',
    ]);
  });

  it('shows a range as start..end and every cited document', () => {
    const line = renderTimelineText([
      event('2022-02-01', 'Gevechten.', {
        end: '2022-02-06',
        citations: [
          { docId: '004_b', passageId: '004_b#0', date: null, title: 't' },
          { docId: '002_c', passageId: '002_c#3', date: null, title: 't' },
        ],
      }),
    ]).split('\n')[1];
    expect(line).toBe('  1. 2022-02-01..2022-02-06  Gevechten.  [004_b, 002_c]');
  });

  it('shows the summary instead of the sentence when there is one', () => {
    expect(renderTimelineText([event('2013', 'Lange zin.', { summary: 'Serval starts.' })])).toContain('Serval starts.');
  });

  it('says so when there are no events', () => {
    expect(renderTimelineText([])).toBe(NO_EVENTS_TEXT);
  });
});
