import type { App } from '../app.js';
import { parseCommandArgs, parseLimit, UsageError } from './args.js';
import type { CliIo } from './io.js';
import { hitsJson, renderHits } from './render.js';

/** `npm run search -- [--json] [--limit N] [--from D] [--to D] "query"`. */
export async function searchCommand(app: App, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    limit: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('search needs a query, e.g. npm run search -- "Wagner Bamako"');
  const hits = app.engine.search(query, {
    limit: parseLimit(values.limit, 5),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  });
  io.out(values.json ? `${JSON.stringify(hitsJson(query, hits))}\n` : `${renderHits(query, hits)}\n`);
  return 0;
}
