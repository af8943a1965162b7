/**
 * `npm run bench:store`: one workload against SQLite and PostgreSQL, side by side — answer records
 * written per second by one writer and by 8 writers at once (each its own connection or process,
 * as shards and hosts write), and /stats over 100,000 and 1,000,000 records spread over 90 days
 * (the log filled in bulk first; filling is not what is measured).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import pg from 'pg';
import { percentile } from '../bench/percentile.js';
import { syntheticEntry } from './bench.js';
import { openFor, writeRecords, type WriterJob, type Written } from './bench-writer.js';
import { answerRow } from './postgres-answers.js';
import { STORE_FILE } from './sqlite.js';
import { userHasher } from './user-hash.js';

export interface CompareOptions {
  /** PostgreSQL to measure (a schema of its own is made and dropped); undefined: SQLite only. */
  readonly postgresUrl?: string;
  /** Records written for the write rates (default 2,000). */
  readonly writes?: number;
  /** Log sizes /stats is timed at (default 100,000 and 1,000,000). */
  readonly sizes?: readonly number[];
  /** Runs of each /stats (median reported; default 3). */
  readonly runs?: number;
  /** Progress lines (stderr). */
  readonly progress?: (line: string) => void;
}

/** One store's figures. */
export interface StoreFigures {
  /** Records written per second (failed writes not counted). */
  readonly writesPerSecond: { readonly one: number; readonly eight: number };
  /** Writes that failed, by error code (SQLITE_BUSY: a writer waited longer than busy_timeout). */
  readonly failedWrites: { readonly one: Readonly<Record<string, number>>; readonly eight: Readonly<Record<string, number>> };
  /** Median /stats milliseconds by log size, then by window in days. */
  readonly statsMs: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface CompareResult {
  readonly writes: number;
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly sqlite: StoreFigures;
  readonly postgres: StoreFigures | null;
}

const WINDOWS = [1, 30, 90];
const WRITERS = 8;

/** Runs the workload on SQLite, then on PostgreSQL when a URL is given. */
export async function compareStores(options: CompareOptions): Promise<CompareResult> {
  const writes = options.writes ?? 2000;
  const sizes = options.sizes ?? [100_000, 1_000_000];
  const runs = options.runs ?? 3;
  const say = options.progress ?? (() => undefined);
  const sqlite = await onSqlite(writes, sizes, runs, say);
  const postgres = options.postgresUrl ? await onPostgres(options.postgresUrl, writes, sizes, runs, say) : null;
  return { writes, sizes, runs, sqlite, postgres };
}

type Target = Pick<WriterJob, 'kind' | 'location' | 'schema'>;

interface Backend {
  /** A fresh empty store location. */
  fresh(): Promise<Target>;
  /** Fills `target` with records [from, to) in bulk. */
  fill(target: Target, from: number, to: number, now: number): Promise<void>;
  drop(target: Target): Promise<void>;
}

async function measure(backend: Backend, writes: number, sizes: readonly number[], runs: number, say: (l: string) => void, name: string): Promise<StoreFigures> {
  const now = Date.now();
  say(`${name}: one writer, ${writes} records`);
  let target = await backend.fresh();
  const single = await openFor(target);
  const one = await writeRecords(single, { first: 0, count: writes, now });
  await single.close();
  await backend.drop(target);

  say(`${name}: ${WRITERS} writers at once, ${writes} records`);
  target = await backend.fresh();
  // The schema is made before the writers start, so they do not queue on the migration lock.
  await (await openFor(target)).close();
  const eight = await parallelWriters(target, writes, now);
  await backend.drop(target);

  const statsMs: Record<string, Record<string, number>> = {};
  target = await backend.fresh();
  await (await openFor(target)).close();
  let filled = 0;
  for (const size of [...sizes].sort((a, b) => a - b)) {
    say(`${name}: filling to ${size} records`);
    await backend.fill(target, filled, size, now);
    filled = size;
    const store = await openFor(target);
    statsMs[size] = {};
    for (const days of WINDOWS) {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        await store.answers.stats({ days, now: new Date(now) });
        times.push(performance.now() - t);
      }
      statsMs[size]![days] = percentile(times, 50);
    }
    await store.close();
  }
  await backend.drop(target);
  const ok = (w: Written) => writes - Object.values(w.failed).reduce((a, b) => a + b, 0);
  return {
    writesPerSecond: { one: (ok(one) / one.ms) * 1000, eight: (ok(eight) / eight.ms) * 1000 },
    failedWrites: { one: one.failed, eight: eight.failed },
    statsMs,
  };
}

/** Eight worker threads, each with its own store, writing their share at once: total milliseconds and failures. */
async function parallelWriters(target: Target, writes: number, now: number): Promise<Written> {
  const share = Math.ceil(writes / WRITERS);
  const workers = Array.from(
    { length: WRITERS },
    (_, w) => new Worker(writerBootstrap(), { eval: true, workerData: { job: { ...target, first: w * share, count: share, now } satisfies WriterJob } }),
  );
  const message = (w: Worker) =>
    new Promise<any>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
  await Promise.all(workers.map(message));
  const started = performance.now();
  const done = workers.map(message);
  for (const w of workers) w.postMessage('go');
  const results = (await Promise.all(done)) as Written[];
  const ms = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  const failed: Record<string, number> = {};
  for (const r of results) for (const [code, n] of Object.entries(r.failed)) failed[code] = (failed[code] ?? 0) + n;
  return { ms, failed };
}

/**
 * The writer's entry, as code for an eval worker: run from TypeScript sources (npm run bench:store),
 * the worker registers tsx's loader first (a worker does not inherit it).
 */
function writerBootstrap(): string {
  const writer = new URL(`./bench-writer${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  if (!import.meta.url.endsWith('.ts')) return `import(${JSON.stringify(writer)})`;
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(writer)}); })`;
}

const sqliteBackend = (dirs: string[]): Backend => ({
  async fresh() {
    const dir = await mkdtemp(join(tmpdir(), 'griot-bench-store-'));
    dirs.push(dir);
    return { kind: 'sqlite', location: dir };
  },
  async fill(target, from, to, now) {
    const db = new Database(join(target.location, STORE_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const hash = userHasher('bench');
    const insert = db.prepare(`INSERT INTO answers
      (id, at, source, question, question_key, lang, mode, fallback_reason, refused, cited, latency_ms, user_hash, guild_id, channel_id, message_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const vote = db.prepare('INSERT OR REPLACE INTO votes (answer_id, user_hash, vote, at) VALUES (?, ?, ?, ?)');
    const batch = db.transaction((a: number, b: number) => {
      for (let i = a; i < b; i++) {
        const e = syntheticEntry(i, now);
        // The first 15 columns: synthetic records are no forum auto-answers (the last three are null).
        const row = answerRow(e, hash).slice(0, 15);
        row[8] = e.refused ? 1 : 0;
        insert.run(row);
        if (i % 10 === 0) vote.run(e.answerId, hash(`u${i % 500}`), i % 30 === 0 ? 'down' : 'up', e.at.getTime());
      }
    });
    for (let a = from; a < to; a += 50_000) batch(a, Math.min(to, a + 50_000));
    db.close();
  },
  async drop() {},
});

const postgresBackend = (url: string, made: string[]): Backend => {
  const admin = () => {
    const c = new pg.Client({ connectionString: url });
    return c.connect().then(() => c);
  };
  return {
    async fresh() {
      const schema = `griot_bench_${randomBytes(5).toString('hex')}`;
      const c = await admin();
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.end();
      made.push(schema);
      return { kind: 'postgres', location: url, schema };
    },
    async fill(target, from, to, now) {
      const c = new pg.Client({ connectionString: url, options: `-c search_path=${target.schema}` });
      await c.connect();
      const hash = userHasher('bench');
      const types = ['text', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'boolean', 'text', 'integer', 'text', 'text', 'text', 'text'];
      const insert = `INSERT INTO answers (id, at, source, question, question_key, lang, mode, fallback_reason, refused, cited, latency_ms, user_hash, guild_id, channel_id, message_id)
        SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
      for (let a = from; a < to; a += 10_000) {
        const cols: unknown[][] = types.map(() => []);
        const votes: unknown[][] = [[], [], [], []];
        for (let i = a; i < Math.min(to, a + 10_000); i++) {
          const e = syntheticEntry(i, now);
          answerRow(e, hash).slice(0, types.length).forEach((v, k) => cols[k]!.push(v));
          if (i % 10 === 0) [e.answerId, hash(`u${i % 500}`), i % 30 === 0 ? 'down' : 'up', e.at.getTime()].forEach((v, k) => votes[k]!.push(v));
        }
        await c.query(insert, cols);
        await c.query('INSERT INTO votes (answer_id, user_hash, vote, at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) ON CONFLICT DO NOTHING', votes);
      }
      // What autovacuum would do soon after: statistics and the visibility map for index-only scans.
      await c.query('VACUUM ANALYZE answers');
      await c.query('VACUUM ANALYZE votes');
      await c.end();
    },
    async drop(target) {
      const c = await admin();
      await c.query(`DROP SCHEMA IF EXISTS ${target.schema} CASCADE`);
      await c.end();
    },
  };
};

async function onSqlite(writes: number, sizes: readonly number[], runs: number, say: (l: string) => void): Promise<StoreFigures> {
  const dirs: string[] = [];
  try {
    return await measure(sqliteBackend(dirs), writes, sizes, runs, say, 'SQLite');
  } finally {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
}

async function onPostgres(url: string, writes: number, sizes: readonly number[], runs: number, say: (l: string) => void): Promise<StoreFigures> {
  const made: string[] = [];
  const backend = postgresBackend(url, made);
  try {
    return await measure(backend, writes, sizes, runs, say, 'PostgreSQL');
  } finally {
    // Also after a failure: the bench leaves nothing in the database.
    for (const schema of made) await backend.drop({ kind: 'postgres', location: url, schema }).catch(() => undefined);
  }
}
