/**
 * One writer of the store bench, run in a worker thread: opens its own store (a process of a host,
 * a shard) and writes `count` answer records, posting how long it took.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { syntheticEntry } from './bench.js';
import { openPostgresStore } from './postgres.js';
import { openStore } from './sqlite.js';
import type { Store } from './types.js';

/** What the bench hands a writer. */
export interface WriterJob {
  readonly kind: 'sqlite' | 'postgres';
  /** DATA_DIR, or the PostgreSQL URL. */
  readonly location: string;
  readonly schema?: string;
  readonly first: number;
  readonly count: number;
  readonly now: number;
}

/** Opens the store a job names (durable settings: SQLite synchronous=FULL, PostgreSQL's defaults). */
export function openFor(job: Pick<WriterJob, 'kind' | 'location' | 'schema'>, poolSize?: number): Promise<Store> {
  return job.kind === 'sqlite'
    ? openStore({ dataDir: job.location, retentionDays: 3650, pruneEveryMs: 0, check: false })
    : openPostgresStore({ url: job.location, retentionDays: 3650, pruneEveryMs: 0, ...(job.schema ? { schema: job.schema } : {}), ...(poolSize ? { poolSize } : {}) });
}

/** What one writer did: milliseconds, and the writes that failed (by error code, e.g. SQLITE_BUSY). */
export interface Written {
  readonly ms: number;
  readonly failed: Readonly<Record<string, number>>;
}

/** Writes the job's records one after another, counting (not stopping at) failed writes. */
export async function writeRecords(store: Store, job: Pick<WriterJob, 'first' | 'count' | 'now'>): Promise<Written> {
  const failed: Record<string, number> = {};
  const t = performance.now();
  for (let i = job.first; i < job.first + job.count; i++) {
    try {
      await store.answers.record(syntheticEntry(i, job.now));
    } catch (err) {
      const code = String((err as { code?: unknown }).code ?? (err as Error).message);
      failed[code] = (failed[code] ?? 0) + 1;
    }
  }
  return { ms: performance.now() - t, failed };
}

if (parentPort && workerData?.job) {
  const job = workerData.job as WriterJob;
  const store = await openFor(job, 1);
  parentPort.postMessage({ ready: true });
  await new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  const written = await writeRecords(store, job);
  await store.close();
  parentPort.postMessage(written);
}
