import { warmStartMs, type ScaleRow } from '../bench/scale/run.js';
import { benchStore } from '../store/bench.js';
import { compareStores, type CompareResult } from '../store/bench-compare.js';
import { describeDatabase } from '../store/postgres-errors.js';
import { parseCommandArgs, UsageError } from './args.js';
import { measureScale, resolveCorpus } from './bench.js';
import type { CliIo } from './io.js';

/** Articles of the corpus rows unless --articles says otherwise: a few minutes on a 2-core machine. */
const DEFAULT_ARTICLES = 1000;

/** The corpus rows at one size: the scale bench's measurements (src/bench/scale/run.ts) per store. */
export interface CorpusRows {
  readonly articles: number;
  readonly sqlite: ScaleRow;
  readonly postgres?: ScaleRow;
}

/**
 * `npm run bench:store -- [--postgres URL] [--sizes 100000,1000000] [--writes N] [--articles N] [--corpus PATH] [--json]`:
 * SQLite and PostgreSQL side by side (PostgreSQL from --postgres, DATABASE_URL or TEST_DATABASE_URL; a
 * schema of its own, dropped after): answer-log rows, then importing N articles (default 1000; the
 * issue's figure is 30000), a host's warm start against that store, and one article changed on host A
 * until host B finds it — the scale bench run once per store (`--articles 0` leaves these out). `--detail [--records N]`: the SQLite store's own costs (open, file size, durable write).
 */
export async function benchStoreCommand(argv: readonly string[], io: CliIo, env: Readonly<Record<string, string | undefined>> = {}): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    records: { type: 'string' },
    detail: { type: 'boolean', default: false },
    postgres: { type: 'string' },
    sizes: { type: 'string' },
    writes: { type: 'string' },
    json: { type: 'boolean', default: false },
    articles: { type: 'string' },
    corpus: { type: 'string' },
  });
  if (values.detail) return sqliteDetail(values.records, values.json ?? false, io);
  const whole = (name: string, v: string, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${name} expects whole numbers from 1 to ${max}, got "${v}"`);
    return n;
  };
  const sizes = values.sizes ? values.sizes.split(',').map((s) => whole('--sizes', s.trim(), 10_000_000)) : undefined;
  const writes = values.writes ? whole('--writes', values.writes, 1_000_000) : undefined;
  const articles = values.articles === '0' ? 0 : values.articles ? whole('--articles', values.articles, 1_000_000) : DEFAULT_ARTICLES;
  const postgresUrl = values.postgres ?? env.DATABASE_URL ?? env.TEST_DATABASE_URL;
  const progress = (line: string) => io.err(`${line}\n`);
  const r = await compareStores({
    ...(postgresUrl ? { postgresUrl } : {}),
    ...(sizes ? { sizes } : {}),
    ...(writes ? { writes } : {}),
    progress,
  });
  let corpus: CorpusRows | string | undefined;
  if (articles > 0 && !resolveCorpus(values.corpus)) corpus = 'corpus rows not run: the corpus file (../shared/corpora/orangesum-fr.jsonl.gz) is missing; give --corpus PATH';
  else if (articles > 0) {
    const run = async (database?: string) => {
      const m = await measureScale({ sizes: [articles], corpus: values.corpus, warmRuns: 3, queries: 20, database, progress: (msg) => progress(`bench:store ${database ? 'PostgreSQL' : 'SQLite'}: ${msg}`) });
      return m.rows[0]!;
    };
    const sqlite = await run();
    corpus = { articles, sqlite, ...(postgresUrl ? { postgres: await run(postgresUrl) } : {}) };
  }
  if (values.json) {
    io.out(`${JSON.stringify({ ...r, ...(typeof corpus === 'object' ? { corpus } : {}) })}\n`);
    return 0;
  }
  io.out(`${renderComparison(r, postgresUrl ? describeDatabase(postgresUrl) : undefined, corpus)}\n`);
  return 0;
}

/** The side-by-side table (Markdown, so it pastes into docs). */
export function renderComparison(r: CompareResult, where: string | undefined, corpus?: CorpusRows | string): string {
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
  if (typeof corpus === 'object') {
    const n = corpus.articles.toLocaleString('en');
    const sec = (x: number) => `${(x / 1000).toFixed(x < 10_000 ? 2 : 1)} s`;
    const pgRow = (f: (p: ScaleRow) => string) => (corpus.postgres ? f(corpus.postgres) : '—');
    rows.push(
      [`importing ${n} articles (first start: import, index, answer)`, sec(corpus.sqlite.firstBuild.ms), pgRow((p) => sec(p.firstBuild.ms))],
      [`warm start against a ${n}-article store, to first answer`, sec(warmStartMs(corpus.sqlite)), pgRow((p) => sec(warmStartMs(p)))],
      [`one article changed on host A, found on host B (${n} articles)`, '— (one host)', pgRow((p) => (p.serving.crossHostMs === undefined ? '—' : sec(p.serving.crossHostMs)))],
    );
  }
  return [
    `Store bench: SQLite (DATA_DIR, synchronous=FULL) and PostgreSQL${where ? ` (${where})` : ' (not run: pass --postgres postgres://… or set DATABASE_URL)'}; /stats medians of ${r.runs} runs, logs spread over 90 days`,
    '',
    '| | SQLite | PostgreSQL |',
    '|---|---:|---:|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    ...(typeof corpus === 'string' ? ['', corpus] : []),
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
