import type { App } from '../app.js';
import { renderTimelineText } from '../timeline/render-text.js';
import type { Lang, TimelineEvent } from '../types.js';
import { parseCommandArgs, parseLimit, UsageError } from './args.js';
import type { CliIo } from './io.js';

/** `npm run timeline -- [--topic T] [--from D] [--to D] [--lang en|nl|fr] [--limit N] [--json]`. */
export async function timelineCommand(app: App, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    topic: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    lang: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
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
