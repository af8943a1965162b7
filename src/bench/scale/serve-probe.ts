/**
 * The serving half of the scale bench, run as its own process (`node --expose-gc --import tsx
 * serve-probe.ts SPEC.json`) over a corpus whose index is already saved: starts the app the way the
 * bot does, answers, times searches, reindexes after changing one article, and prints one JSON line.
 * A process of its own so its memory is a serving process's, not the bench's.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { createApp } from '../../app.js';
import { openPostgresStore } from '../../store/postgres.js';
import type { SearchHit } from '../../types.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { summariseLatencies, type LatencySummary } from '../percentile.js';

/** What the bench hands the probe. */
export interface ProbeSpec {
  readonly corpusDir: string;
  readonly dataDir: string;
  readonly question: string;
  readonly questions: readonly string[];
  readonly long: readonly string[];
  /** The article file the reindex changes. */
  readonly changeFile: string;
}

/** What the probe prints. */
export interface ProbeResult {
  readonly startMs: number;
  readonly firstAnswerMs: number;
  readonly passages: number;
  readonly documents: number;
  readonly events: number;
  /** Resident memory once serving (after a full collection), and the peak so far. */
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly questions: LatencySummary;
  readonly long: LatencySummary;
  readonly reindexMs: number;
  /** CPU time (user + system) of the reindex: on a shared machine wall time mostly measures the others. */
  readonly reindexCpuMs: number;
  readonly reindexChanged: number;
  readonly rssAfterReindexBytes: number;
  readonly maxRssBytes: number;
  /**
   * With the store on PostgreSQL: milliseconds from one new article written by another host (its
   * own connection: the store change `/add` makes) to that article found by this host's search.
   */
  readonly crossHostMs?: number;
}

const LIMIT = 10;
const WARM_UP = 5;

function timeQueries(queries: readonly string[], search: (q: string) => unknown): LatencySummary {
  for (const q of queries.slice(0, WARM_UP)) search(q);
  const samples: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    search(q);
    samples.push(performance.now() - t);
  }
  return summariseLatencies(samples);
}

async function main(specPath: string): Promise<ProbeResult> {
  const spec = JSON.parse(await readFile(specPath, 'utf8')) as ProbeSpec;
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const t0 = performance.now();
  const config = loadConfig({
    CORPUS_DIR: spec.corpusDir,
    DATA_DIR: spec.dataDir,
    LOG_LEVEL: 'warn',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
  // On PostgreSQL this process follows the store like a bot host (LISTEN), for the cross-host step.
  const app = await createApp({ config, logger: createLogger({ level: 'warn' }), watch: config.databaseUrl !== undefined });
  const startMs = performance.now() - t0;
  await app.engine.ask(spec.question, { noLlm: true });
  const firstAnswerMs = performance.now() - t0;
  gc();
  const mem = process.memoryUsage();
  const search = (q: string) => app.engine.search(q, { limit: LIMIT });
  const questions = timeQueries(spec.questions, search);
  const long = timeQueries(spec.long, search);
  const events = (await app.engine.timeline()).length;
  await appendFile(spec.changeFile, '\nUne phrase ajoutée pour le banc d’essai le 3 mars 2020.\n');
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const report = await app.engine.reindex();
  const reindexMs = performance.now() - t1;
  const cpu = process.cpuUsage(cpu1);
  const reindexCpuMs = (cpu.user + cpu.system) / 1000;
  gc();
  const rssAfterReindexBytes = process.memoryUsage().rss;
  const crossHostMs = config.databaseUrl ? await changeFromAnotherHost(config.databaseUrl, (q) => app.engine.search(q, { limit: 3 })) : undefined;
  await app.engine.close();
  return {
    startMs,
    firstAnswerMs,
    passages: report.passages,
    documents: report.documents,
    events,
    rssBytes: mem.rss,
    heapUsedBytes: mem.heapUsed,
    questions,
    long,
    reindexMs,
    reindexCpuMs,
    reindexChanged: report.changed.length + report.added.length,
    rssAfterReindexBytes,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    ...(crossHostMs !== undefined ? { crossHostMs } : {}),
  };
}

/** Host A (a store of its own) adds one article; the time until host B (this app) finds it. */
async function changeFromAnotherHost(url: string, search: (q: string) => readonly SearchHit[]): Promise<number> {
  const hostA = await openPostgresStore({ url, retentionDays: 90, pruneEveryMs: 0 });
  try {
    const word = `banctransversal${Date.now().toString(36)}`;
    const id = `bench_cross_${word}`;
    await hostA.documents.apply({
      put: [{ id, source: 'upload', sourceRef: id, url: null, title: 'Banc d’essai', date: null, site: null, author: null, lang: 'fr', text: `Le ${word} est arrivé à Gao le 3 mars 2020, selon le banc d’essai de Griot.` }],
    });
    const changed = performance.now();
    while (performance.now() - changed < 60_000) {
      if (search(word).some((h) => h.doc.id === id)) return performance.now() - changed;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the article added on another host was not found within 60 s');
  } finally {
    await hostA.close();
  }
}

const specPath = process.argv[2];
if (!specPath) {
  process.stderr.write('usage: serve-probe.ts SPEC.json\n');
  process.exitCode = 2;
} else {
  main(specPath).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (err: unknown) => {
      process.stderr.write(`serve-probe: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
