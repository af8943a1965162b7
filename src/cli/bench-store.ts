import { benchStore } from '../store/bench.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliIo } from './io.js';

/** `npm run bench:store -- [--records N] [--json]`: the answer log's costs at N records (default 100,000). */
export async function benchStoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { records: { type: 'string' }, json: { type: 'boolean', default: false } });
  const records = values.records === undefined ? 100_000 : Number(values.records);
  if (!Number.isInteger(records) || records < 1 || records > 10_000_000) {
    throw new UsageError(`--records expects a whole number from 1 to 10000000, got "${values.records}"`);
  }
  const r = await benchStore(records);
  if (values.json) {
    io.out(`${JSON.stringify(r)}\n`);
    return 0;
  }
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  io.out(
    [
      `Store bench: ${r.records} answer records, ${r.votes} votes, file ${r.fileMB.toFixed(1)} MB (medians of ${r.runs} runs)`,
      `  fill (synchronous=NORMAL, one transaction per record): ${(r.fillMs / 1000).toFixed(1)} s`,
      `  open (quick_check + migrations + retention): ${ms(r.openMs)}`,
      ...Object.entries(r.statsMs).map(([days, t]) => `  stats over ${days} day(s): ${ms(t.median)} (worst ${ms(t.max)})`),
      `  one durable write (synchronous=FULL): p50 ${ms(r.durableWriteMs.p50)}, p95 ${ms(r.durableWriteMs.p95)}`,
    ].join('\n') + '\n',
  );
  return 0;
}
