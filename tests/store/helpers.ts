import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore } from '../../src/store/sqlite.js';
import type { AnswerLogEntry, Store } from '../../src/store/types.js';

/** A fresh DATA_DIR. */
export const tempDataDir = () => mkdtemp(join(tmpdir(), 'griot-store-'));

let n = 0;

/** An answer-log record with everything a test does not care about filled in. */
export function entry(overrides: Partial<AnswerLogEntry> = {}): AnswerLogEntry {
  n++;
  return {
    answerId: `a${String(n).padStart(11, '0')}`,
    at: new Date('2026-03-10T12:00:00Z'),
    question: 'Welk land is bereid om als thuisbasis te dienen?',
    lang: 'nl',
    mode: 'extractive',
    refused: false,
    citedDocIds: ['002_68a43d7a4bec2f41'],
    latencyMs: 40,
    origin: { source: 'cli' },
    ...overrides,
  };
}

/**
 * Stores opened by a test, closed (and their DATA_DIRs removed) after each test. `start` opens one
 * in `dataDir` (a fresh one by default) at `now`, with no hourly retention timer.
 */
export function storesClosedAfterEach(defaults: { now: Date; retentionDays: number }) {
  const open: Store[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  const dataDir = async () => {
    const d = await tempDataDir();
    dirs.push(d);
    return d;
  };
  const start = async (options: { dataDir?: string; retentionDays?: number } = {}) => {
    const dir = options.dataDir ?? (await dataDir());
    const store = await openStore({ dataDir: dir, retentionDays: options.retentionDays ?? defaults.retentionDays, now: () => defaults.now, pruneEveryMs: 0 });
    open.push(store);
    return { store, dataDir: dir };
  };
  return { start, dataDir };
}
