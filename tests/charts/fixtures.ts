import type { TimelineEvent } from '../../src/types.js';

/** A timeline event for chart tests. */
export const event = (date: string, options: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id: date,
  date,
  precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day',
  inferred: false,
  text: `Gebeurtenis op ${date}`,
  lang: 'nl',
  citations: [],
  ...options,
});

/** Eight events from February 2022 to March 2023: a month, a range, an inferred day, two on one day. */
export const EVENTS: readonly TimelineEvent[] = [
  event('2022-02-17'),
  event('2022-02-17', { inferred: true }),
  event('2022-05'),
  event('2022-06-01', { end: '2022-06-20' }),
  event('2022-08-15'),
  event('2022-11-09', { inferred: true }),
  event('2023-01-03'),
  event('2023-03-30'),
];
