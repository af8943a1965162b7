import { writeFile } from 'node:fs/promises';
import type { App } from '../app.js';
import { renderTimelineChart } from '../charts/timeline-chart.js';
import { renderTimelineText } from '../timeline/render-text.js';
import type { Lang, TimelineEvent } from '../types.js';
import { parseCommandArgs, parseLimit, UsageError } from './args.js';
import type { CliIo } from './io.js';

/**
 * `npm run timeline -- [--topic T] [--from D] [--to D] [--lang en|nl|fr] [--limit N] [--json] [--png FILE]`;
 * `--png` also draws the events as a chart (numbered as in the list, months in --lang) into FILE.
 */
export async function timelineCommand(app: App, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    topic: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    lang: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
    png: { type: 'string' },
  });
  const lang = values.lang;
  if (lang !== undefined && lang !== 'en' && lang !== 'nl' && lang !== 'fr') throw new UsageError(`--lang expects en, nl or fr, got "${lang}"`);
  const topic = values.topic ?? (positionals.length ? positionals.join(' ') : undefined);
  const events = await app.engine.timeline({
    ...(topic ? { topic } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(lang ? { lang: lang as Lang } : {}),
    ...(values.limit ? { limit: parseLimit(values.limit, 1000) } : {}),
  });
  if (values.png) {
    const chart = renderTimelineChart(events, { lang: (lang as Lang | undefined) ?? 'en', ...(topic ? { topic } : {}) });
    await writePng(values.png, chart.png, io);
  }
  io.out(values.json ? `${JSON.stringify({ events: events.map(eventJson) })}\n` : `${renderTimelineText(events)}\n`);
  return 0;
}

/** The JSON shape of one event (see README). */
export function eventJson(e: TimelineEvent): Record<string, unknown> {
  return {
    date: e.date,
    ...(e.end !== undefined ? { end: e.end } : {}),
    precision: e.precision,
    inferred: e.inferred,
    text: e.text,
    ...(e.summary !== undefined ? { summary: e.summary } : {}),
    citations: e.citations.map((c) => ({ docId: c.docId, passageId: c.passageId, date: c.date?.iso ?? null, title: c.title, url: c.url ?? null })),
  };
}

/** Writes a chart, saying where on stderr (stdout keeps the list or the JSON). */
export async function writePng(file: string, png: Buffer, io: CliIo): Promise<void> {
  try {
    await writeFile(file, png);
  } catch (err) {
    throw new UsageError(`--png: could not write ${file}: ${(err as Error).message}`);
  }
  io.err(`wrote ${file} (${Math.round(png.length / 1024)} KB)\n`);
}
