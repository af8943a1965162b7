import { describe, expect, it } from 'vitest';
import { parseDateBound, parseDateRange, queryTimeline } from '../../src/timeline/query.js';
import type { DatePrecision, TimelineEvent } from '../../src/types.js';

const precisionOf = (d: string): DatePrecision => (d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day');

function event(date: string, opts: { end?: string; passageId?: string; text?: string } = {}): TimelineEvent {
  const passageId = opts.passageId ?? 'doc#0';
  return {
    id: `${date}/${opts.end ?? ''}/${opts.text ?? ''}`,
    date,
    ...(opts.end ? { end: opts.end } : {}),
    precision: precisionOf(date),
    inferred: false,
    text: opts.text ?? `event ${date}`,
    lang: 'nl',
    citations: [{ docId: passageId.split('#')[0] as string, passageId, date: null, title: 't' }],
  };
}

const dates = (events: readonly TimelineEvent[]) => events.map((e) => (e.end ? `${e.date}..${e.end}` : e.date));

describe('parseDateBound', () => {
  it('takes the first day of a year or month for "from" and the last for "to"', () => {
    expect(parseDateBound('2021', 'from')).toEqual({ ok: true, value: '2021-01-01' });
    expect(parseDateBound('2021', 'to')).toEqual({ ok: true, value: '2021-12-31' });
    expect(parseDateBound('2021-02', 'to')).toEqual({ ok: true, value: '2021-02-28' });
    expect(parseDateBound('2024-02', 'to')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDateBound('2021-06-10', 'from')).toEqual({ ok: true, value: '2021-06-10' });
  });

  for (const bad of ['2021-13', '21', '2021-02-30', 'June 2021', '2021/06', '']) {
    it(`rejects "${bad}" with a message listing the accepted forms`, () => {
      const result = parseDateBound(bad, 'from');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('YYYY, YYYY-MM or YYYY-MM-DD');
    });
  }

  it('rejects a from date after the to date', () => {
    const result = parseDateRange('2022', '2021-06');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/after the to date/);
  });
});

describe('queryTimeline', () => {
  const events = [
    event('2021'),
    event('2021-05'),
    event('2021-06-10'),
    event('2020', { end: '2021' }),
    event('2019-11'),
    event('2022-02-27'),
  ];

  it('keeps a year-precision event for a range inside that year (2021 overlaps 2021-06..2021-12)', () => {
    expect(dates(queryTimeline(events, { from: '2021-06', to: '2021-12' }))).toEqual(['2020..2021', '2021', '2021-06-10']);
  });

  it('keeps a month-precision event for a day inside that month', () => {
    expect(dates(queryTimeline(events, { from: '2021-05-31', to: '2021-05-31' }))).toEqual(['2020..2021', '2021', '2021-05']);
  });

  it('keeps a day-precision event only for ranges that include its day', () => {
    expect(dates(queryTimeline(events, { from: '2021-06-10', to: '2021-06-10' }))).toContain('2021-06-10');
    expect(dates(queryTimeline(events, { from: '2021-06-11', to: '2021-06-30' }))).not.toContain('2021-06-10');
  });

  it('keeps a range when the intervals intersect, at either end', () => {
    expect(dates(queryTimeline(events, { to: '2020-03' }))).toEqual(['2019-11', '2020..2021']);
    expect(dates(queryTimeline(events, { from: '2021-12-31' }))).toEqual(['2020..2021', '2021', '2022-02-27']);
  });

  it('includes both bounds', () => {
    expect(dates(queryTimeline(events, { from: '2019-11-30', to: '2022-02-27' }))).toHaveLength(events.length);
  });

  it('returns the whole timeline without bounds, sorted by date', () => {
    expect(dates(queryTimeline(events, {}))).toEqual(['2019-11', '2020..2021', '2021', '2021-05', '2021-06-10', '2022-02-27']);
  });

  it('puts a coarser date before the finer dates that start on the same day', () => {
    const sameStart = [event('2021-01-01'), event('2021-01'), event('2021'), event('2021', { end: '2022' })];
    expect(dates(queryTimeline(sameStart, {}))).toEqual(['2021..2022', '2021', '2021-01', '2021-01-01']);
  });

  it('keeps the input order for events with the same date', () => {
    const same = [event('2021', { text: 'b' }), event('2021', { text: 'a' })];
    expect(queryTimeline(same, {}).map((e) => e.text)).toEqual(['b', 'a']);
  });

  it('keeps only events citing a topic passage when topic passages are given', () => {
    const topical = [event('2021', { passageId: 'a#1' }), event('2020', { passageId: 'b#0' }), event('2019', { passageId: 'a#2' })];
    const kept = queryTimeline(topical, { topic: 'Takuba' }, { topicPassageIds: new Set(['a#1', 'a#2']) });
    expect(dates(kept)).toEqual(['2019', '2021']);
  });

  it('keeps a merged event when any of its citations is a topic passage', () => {
    const merged: TimelineEvent = {
      ...event('2021', { passageId: 'a#1' }),
      citations: [
        { docId: 'a', passageId: 'a#1', date: null, title: 't' },
        { docId: 'b', passageId: 'b#3', date: null, title: 't' },
      ],
    };
    expect(queryTimeline([merged], { topic: 'x' }, { topicPassageIds: new Set(['b#3']) })).toHaveLength(1);
  });

  it('returns the first `limit` events in order', () => {
    expect(dates(queryTimeline(events, { limit: 2 }))).toEqual(['2019-11', '2020..2021']);
  });

  it('throws the accepted forms for an invalid bound', () => {
    expect(() => queryTimeline(events, { from: 'yesterday' })).toThrow(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});
