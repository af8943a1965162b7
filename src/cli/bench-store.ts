import { benchStore } from '../store/bench.js';
import { compareStores, type CompareResult } from '../store/bench-compare.js';
import { describeDatabase } from '../store/postgres-errors.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliIo } from './io.js';

/**
 * `npm run bench:store -- [--postgres URL] [--sizes 100000,1000000] [--writes N] [--json]`: SQLite and
 * PostgreSQL side by side (PostgreSQL from --postgres, DATABASE_URL or TEST_DATABASE_URL; a schema of
 * its own, dropped after). `--detail [--records N]`: the SQLite store's own costs (open, file size, durable write).
 */
export async function benchStoreCommand(argv: readonly string[], io: CliIo, env: Readonly<Record<string, string | undefined>> = {}): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    records: { type: 'string' },
    detail: { type: 'boolean', default: false },
    postgres: { type: 'string' },
    sizes: { type: 'string' },
    writes: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values.detail) return sqliteDetail(values.records, values.json ?? false, io);
  const whole = (name: string, v: string, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${name} expects whole numbers from 1 to ${max}, got "${v}"`);
    return n;
  };
  const sizes = values.sizes ? values.sizes.split(',').map((s) => whole('--sizes', s.trim(), 10_000_000)) : undefined;
  const writes = values.writes ? whole('--writes', values.writes, 1_000_000) : undefined;
  const postgresUrl = values.postgres ?? env.DATABASE_URL ?? env.TEST_DATABASE_URL;
  const r = await compareStores({
    ...(postgresUrl ? { postgresUrl } : {}),
    ...(sizes ? { sizes } : {}),
    ...(writes ? { writes } : {}),
    progress: (line) => io.err(`${line}\n`),
  });
  if (values.json) {
    io.out(`${JSON.stringify(r)}\n`);
    return 0;
  }
  io.out(`${renderComparison(r, postgresUrl ? describeDatabase(postgresUrl) : undefined)}\n`);
  return 0;
}

/** The side-by-side table (Markdown, so it pastes into docs). */
export function renderComparison(r: CompareResult, where: string | undefined): string {
  const rate = (x: number, failed: Readonly<Record<string, number>> = {}) =>
    `${Math.round(x).toLocaleString('en')} /s${Object.entries(failed).map(([code, n]) => ` (${n} failed: ${code})`).join('')}`;
  const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
  const pgCell = (f: (p: NonNullable<CompareResult['postgres']>) => string) => (r.postgres ? f(r.postgres) : '—');
  const rows: [string, string, string][] = [
    [`answer records written, 1 writer (${r.writes})`, rate(r.sqlite.writesPerSecond.one, r.sqlite.failedWrites.one), pgCell((p) => rate(p.writesPerSecond.one, p.failedWrites.one))],
    [`answer records written, 8 writers at once (${r.writes})`, rate(r.sqlite.writesPerSecond.eight, r.sqlite.failedWrites.eight), pgCell((p) => rate(p.writesPerSecond.eight, p.failedWrites.eight))],
  ];
  for (const size of r.sizes) {
    for (const days of Object.keys(r.sqlite.statsMs[size] ?? {})) {
      rows.push([`/stats over ${days} day${days === '1' ? '' : 's'}, log of ${size.toLocaleString('en')}`, ms(r.sqlite.statsMs[size]![days]!), pgCell((p) => ms(p.statsMs[size]![days]!))]);
    }
  }
  return [
    `Store bench: SQLite (DATA_DIR, synchronous=FULL) and PostgreSQL${where ? ` (${where})` : ' (not run: pass --postgres postgres://… or set DATABASE_URL)'}; /stats medians of ${r.runs} runs, logs spread over 90 days`,
    '',
    '| | SQLite | PostgreSQL |',
    '|---|---:|---:|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

async function sqliteDetail(recordsArg: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const records = recordsArg === undefined ? 100_000 : Number(recordsArg);
  if (!Number.isInteger(records) || records < 1 || records > 10_000_000) {
    throw new UsageError(`--records expects a whole number from 1 to 10000000, got "${recordsArg}"`);
  }
  const r = await benchStore(records);
  if (json) {
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
