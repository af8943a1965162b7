/**
 * What the store costs at the size a busy server reaches: filling N records, opening (with the
 * integrity check), the /stats queries over windows of 1, 30 and 90 days, one durable write, and
 * retention. Measured on a synthetic log spread over 90 days.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../bench/percentile.js';
import { openStore, STORE_FILE } from './sqlite.js';
import type { AnswerLogEntry } from './types.js';

export interface StoreBenchResult {
  readonly records: number;
  readonly votes: number;
  readonly fileMB: number;
  /** Filling with synchronous=NORMAL, one transaction per record (ms). */
  readonly fillMs: number;
  /** Opening the filled store: quick_check, migrations, retention pass (ms, median of runs). */
  readonly openMs: number;
  /** stats() median and worst of `runs`, by window (days → ms). */
  readonly statsMs: Readonly<Record<string, { readonly median: number; readonly max: number }>>;
  /** One record written with synchronous=FULL (ms, p50 and p95 of 200). */
  readonly durableWriteMs: { readonly p50: number; readonly p95: number };
  readonly runs: number;
}

const DAY_MS = 86_400_000;
const LANGS = ['en', 'nl', 'fr'] as const;
const MODES = ['llm', 'extractive', 'fallback'] as const;

/** A plausible record: a question among a few thousand distinct ones, a fifth refused, over 90 days before `now`. */
export function syntheticEntry(i: number, now: number): AnswerLogEntry {
  const refused = i % 5 === 0;
  return {
    answerId: `b${i.toString(16).padStart(11, '0')}`,
    at: new Date(now - ((i * 7_919_000) % (90 * DAY_MS))),
    question: `Question ${i % 3000}: what does the corpus say about the mission in the Sahel and who leads it?`,
    lang: LANGS[i % 3]!,
    mode: MODES[i % 3]!,
    ...(i % 3 === 2 ? { fallbackReason: 'the LLM timed out' } : {}),
    refused,
    citedDocIds: refused ? [] : ['001_bb4ad67e1b753670', '002_68a43d7a4bec2f41'],
    latencyMs: 50 + ((i * 31) % 4000),
    origin:
      i % 4 === 0
        ? { source: 'cli' }
        : { source: 'discord', userId: String(100000000000000000n + BigInt(i % 500)), guildId: '1'.repeat(18), channelId: '2'.repeat(18), messageId: String(200000000000000000n + BigInt(i)) },
  };
}

const time = async (f: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

const median = (xs: readonly number[]) => percentile(xs, 50);

/** Runs the store bench over `records` answer records (and one vote per ten answers) in a temporary DATA_DIR. */
export async function benchStore(records: number, runs = 5): Promise<StoreBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'griot-store-bench-'));
  const now = Date.now();
  try {
    const filling = await openStore({ dataDir, retentionDays: 3650, synchronous: 'normal', pruneEveryMs: 0 });
    let votes = 0;
    const fillMs = await time(async () => {
      for (let i = 0; i < records; i++) {
        const e = syntheticEntry(i, now);
        await filling.answers.record(e);
        if (i % 10 === 0) {
          await filling.votes.record({ answerId: e.answerId, userId: `u${i % 500}`, vote: i % 30 === 0 ? 'down' : 'up', at: e.at });
          votes++;
        }
      }
    });
    await filling.close();
    const fileMB = (await stat(join(dataDir, STORE_FILE))).size / 1e6;

    const opens: number[] = [];
    for (let r = 0; r < runs; r++) {
      let store: Awaited<ReturnType<typeof openStore>> | undefined;
      opens.push(await time(async () => (store = await openStore({ dataDir, retentionDays: 3650, pruneEveryMs: 0 }))));
      await store!.close();
    }
    const store = await openStore({ dataDir, retentionDays: 3650, pruneEveryMs: 0 });
    const statsMs: Record<string, { median: number; max: number }> = {};
    for (const days of [1, 30, 90]) {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) times.push(await time(() => store.answers.stats({ days, now: new Date(now) })));
      statsMs[days] = { median: median(times), max: Math.max(...times) };
    }
    const writes: number[] = [];
    for (let i = 0; i < 200; i++) writes.push(await time(() => store.answers.record(syntheticEntry(records + i, now))));
    await store.close();
    return {
      records,
      votes,
      fileMB,
      fillMs,
      openMs: median(opens),
      statsMs,
      durableWriteMs: { p50: percentile(writes, 50), p95: percentile(writes, 95) },
      runs,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
