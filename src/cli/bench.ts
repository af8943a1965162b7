/**
 * `npm run bench -- [--json] [--corpus PATH|synthetic] [--sizes 1000,10000,100000] [--queries N] [--budget S] [--lunr-max N]`:
 * Griot's index against plain MiniSearch, lunr and FlexSearch on the seeds and on growing slices of a
 * news corpus. Builds its own indexes: needs no App, no configuration and no ../shared.
 *
 * `npm run bench -- --scale [--json] [--corpus PATH] [--articles 1000,5000,30000] [--warm-runs N] [--keep DIR]`:
 * Griot as an operator runs it on real corpus folders (see src/bench/scale/run.ts); needs the corpus file.
 *
 * `npm run bench -- --charts [--runs N] [--json]`: drawing time and PNG size of the timeline and stats charts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.js';
import { readJsonlGzArticles, type Article } from '../bench/articles.js';
import { collectPool, sliceCorpus, type BenchCorpus } from '../bench/corpus.js';
import type { EngineAdapter } from '../bench/engines/engine.js';
import { flexSearchEngine } from '../bench/engines/flexsearch.js';
import { griotEngine } from '../bench/engines/griot.js';
import { lunrEngine } from '../bench/engines/lunr.js';
import { miniSearchEngine } from '../bench/engines/minisearch.js';
import { measureEngine, repeatTo, textBytes, type EngineResult, type QuerySets } from '../bench/measure.js';
import { renderReport } from '../bench/render.js';
import { checkScaleTargets, renderScale } from '../bench/scale/render.js';
import { longQueries, runScale, type ScaleRow } from '../bench/scale/run.js';
import type { BenchReport, CorpusInfo, MachineInfo, SizeResult } from '../bench/report.js';
import { syntheticArticles } from '../bench/synthetic.js';
import { checkTargets } from '../bench/targets.js';
import { renderChartBench, runChartBench } from '../bench/charts.js';
import { loadCorpus } from '../corpus/index.js';
import { parseQuestions } from '../eval/score.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliIo } from './io.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_CORPUS = path.resolve(REPO, '../shared/corpora/orangesum-fr.jsonl.gz');
const SEEDS = path.join(REPO, 'seeds');
const DEV_QUESTIONS = path.join(REPO, 'tests/fixtures/dev-questions.jsonl');
const DEFAULT_SIZES = [1000, 10_000, 100_000];
const DEFAULT_QUERIES = 200;
/** Per engine and query set: keeps the default run under ten minutes on a 2-core machine. */
const DEFAULT_BUDGET_S = 5;
/** One article in this many is held back (never indexed) for the long query set. */
const HELD_BACK_EVERY = 50;

/** Parses `1000,10000` into ascending, distinct passage counts. */
export function parseSizes(value: string | undefined): number[] {
  if (value === undefined) return DEFAULT_SIZES;
  const sizes = value.split(',').map((s) => Number(s.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1_000_000)) {
    throw new UsageError(`--sizes expects passage counts from 1 to 1000000 separated by commas, e.g. 1000,10000; got "${value}"`);
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function positiveNumber(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new UsageError(`--${name} expects a number above 0 and at most ${max}, got "${value}"`);
  return n;
}

/** lunr stops here by default: see lunrEngine. */
const DEFAULT_LUNR_MAX = 20_000;

/** The engines, in report order; a fresh adapter each size. */
function engines(lunrMax: number): EngineAdapter[] {
  return [griotEngine(), miniSearchEngine(), lunrEngine(lunrMax), flexSearchEngine()];
}

function machine(gcExposed: boolean): MachineInfo {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    loadAverage: os.loadavg()[0] ?? 0,
    gcExposed,
  };
}

/** Runs the bench; `app` is unused (the bench builds its own indexes) and may be null. */
export async function benchCommand(_app: App | null, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    corpus: { type: 'string' },
    sizes: { type: 'string' },
    queries: { type: 'string' },
    budget: { type: 'string' },
    'lunr-max': { type: 'string' },
    scale: { type: 'boolean', default: false },
    articles: { type: 'string' },
    'warm-runs': { type: 'string' },
    keep: { type: 'string' },
    charts: { type: 'boolean', default: false },
    runs: { type: 'string' },
    database: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`bench takes no positional arguments (got "${positionals.join(' ')}")`);
  if (values.charts) {
    const runs = Math.round(positiveNumber('runs', values.runs, 20, 1000));
    const m = machine((globalThis as { gc?: () => void }).gc !== undefined);
    const rows = runChartBench(runs);
    const header = `Chart bench, ${m.cpu} (${m.cores} cores), Node ${m.node}, load average ${m.loadAverage.toFixed(2)}; generated events and days (fixed seed), French labels.`;
    io.out(values.json ? `${JSON.stringify({ machine: m, rows })}\n` : renderChartBench(rows, header));
    return 0;
  }
  if (values.scale) {
    return scaleCommand(
      {
        json: values.json === true,
        corpus: values.corpus,
        articles: values.articles,
        warmRuns: values['warm-runs'],
        keep: values.keep,
        queries: values.queries,
        database: values.database,
      },
      io,
    );
  }
  const sizes = parseSizes(values.sizes);
  const queries = Math.round(positiveNumber('queries', values.queries, DEFAULT_QUERIES, 10_000));
  const budgetMs = positiveNumber('budget', values.budget, DEFAULT_BUDGET_S, 3600) * 1000;
  const lunrMax = Math.round(positiveNumber('lunr-max', values['lunr-max'], DEFAULT_LUNR_MAX, 10_000_000));
  const corpusPath = resolveCorpus(values.corpus);
  const gc = (globalThis as { gc?: () => void }).gc;
  const started = performance.now();
  const progress = (msg: string) => io.err(`bench: ${msg}\n`);
  const notes: string[] = [];
  if (!gc) notes.push('global.gc is not exposed: memory was read without a forced collection (use node --expose-gc).');

  const m = machine(gc !== undefined);
  progress(`${m.cpu}, ${m.cores} cores, Node ${m.node}; sizes ${sizes.join(', ')}`);

  let t = performance.now();
  const seeds = await loadCorpus(SEEDS);
  const loadCorpusMs = performance.now() - t;
  const dev = parseQuestions(await readFile(DEV_QUESTIONS, 'utf8'));

  progress(corpusPath ? `reading ${corpusPath}` : 'no corpus file: generating a synthetic corpus (fixed seed)');
  t = performance.now();
  const source: AsyncIterable<Article> | Iterable<Article> = corpusPath ? readJsonlGzArticles(corpusPath) : syntheticArticles();
  const pool = await collectPool(source, { passages: sizes.at(-1) as number, heldBack: queries, heldBackEvery: HELD_BACK_EVERY }, (read, passages) =>
    progress(`${read} articles read, ${passages} passages`),
  );
  const corpusInfo: CorpusInfo = {
    source: corpusPath ? 'file' : 'synthetic',
    path: corpusPath,
    articlesRead: pool.articlesRead,
    articlesIndexable: pool.articles.length,
    passagesAvailable: pool.passages,
    heldBack: pool.heldBack.length,
    skipped: pool.skipped,
    exhausted: pool.exhausted,
    prepareMs: performance.now() - t,
  };
  if (!corpusPath) notes.push('No corpus file was found: the corpus is generated (deterministic synthetic French/Dutch-like text, fixed seed), not real news.');
  if (pool.exhausted) notes.push(`The corpus yielded ${pool.passages} passages, fewer than the ${sizes.at(-1)} asked for: larger sizes hold all of them.`);
  if (pool.heldBack.length < queries) notes.push(`Only ${pool.heldBack.length} held-back articles for the long query set (${queries} wanted).`);

  const sets: QuerySets = { dev, long: pool.heldBack };
  const seedDocs = seeds.documents;
  const corpora: { label: string; requested: number | null; corpus: BenchCorpus }[] = [
    { label: 'seeds', requested: null, corpus: { poolPassages: 0, documents: seedDocs, passages: seedDocs.flatMap((d) => d.passages), knownItems: [] } },
    ...sizes.map((size) => ({ label: String(size), requested: size, corpus: sliceCorpus(pool.articles, size, seedDocs, queries) })),
  ];

  const results: SizeResult[] = [];
  for (const { label, requested, corpus } of corpora) {
    const engineResults: EngineResult[] = [];
    const skipped: SizeResult['skipped'][number][] = [];
    for (const engine of engines(lunrMax)) {
      if (engine.maxPassages !== undefined && corpus.passages.length > engine.maxPassages) {
        const reason = `over its ${engine.maxPassages.toLocaleString('en-US')}-passage bound (--${engine.name}-max): its build would take the time budget`;
        progress(`${label}: ${engine.name} skipped, ${reason}`);
        skipped.push({ engine: engine.name, reason });
        continue;
      }
      progress(`${label}: ${engine.name} (${corpus.passages.length} passages)…`);
      const r = measureEngine(engine, corpus, sets, { queries, budgetMs, gc });
      progress(
        `${label}: ${engine.name} built in ${(r.buildMs / 1000).toFixed(1)} s, short p50 ${r.short.latency.p50.toFixed(2)} ms, long p50 ${r.long.latency.p50.toFixed(2)} ms`,
      );
      engineResults.push(r);
    }
    results.push({
      label,
      requested,
      passages: corpus.passages.length,
      documents: corpus.documents.length,
      textBytes: textBytes(corpus),
      knownItems: corpus.knownItems.length,
      engines: engineResults,
      skipped,
    });
  }

  const griotSeeds = results[0]?.engines.find((e) => e.engine === 'griot');
  const startup = {
    loadCorpusMs,
    firstStartMs: griotSeeds ? loadCorpusMs + griotSeeds.buildMs : null,
    restartMs: griotSeeds && griotSeeds.loadMs !== null ? loadCorpusMs + griotSeeds.loadMs : null,
  };
  const report: BenchReport = {
    machine: m,
    corpus: corpusInfo,
    queries: { devQuestions: dev.length, shortSamples: repeatTo(dev, queries).length, long: Math.min(queries, pool.heldBack.length), perSetBudgetMs: budgetMs },
    startup,
    sizes: results,
    targets: checkTargets(results, startup),
    notes,
    durationMs: performance.now() - started,
  };
  io.out(values.json ? `${JSON.stringify(report)}\n` : renderReport(report));
  return 0;
}

const DEFAULT_SCALE_ARTICLES = [1000, 5000, 30_000];

/** Parses `1000,5000` into ascending, distinct article counts. */
export function parseArticleCounts(value: string | undefined): number[] {
  if (value === undefined) return DEFAULT_SCALE_ARTICLES;
  const counts = value.split(',').map((s) => Number(s.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 1_000_000)) {
    throw new UsageError(`--articles expects article counts from 1 to 1000000 separated by commas, e.g. 1000,5000; got "${value}"`);
  }
  return [...new Set(counts)].sort((a, b) => a - b);
}

/** `--scale`: real corpus folders, real processes (see src/bench/scale/run.ts). */
async function scaleCommand(
  flags: {
    json: boolean;
    corpus?: string | undefined;
    articles?: string | undefined;
    warmRuns?: string | undefined;
    keep?: string | undefined;
    queries?: string | undefined;
    database?: string | undefined;
  },
  io: CliIo,
): Promise<number> {
  const sizes = parseArticleCounts(flags.articles);
  const warmRuns = Math.round(positiveNumber('warm-runs', flags.warmRuns, 3, 20));
  const queries = Math.round(positiveNumber('queries', flags.queries, DEFAULT_QUERIES, 10_000));
  const progress = (msg: string) => io.err(`bench --scale: ${msg}\n`);
  const started = performance.now();
  const m = machine((globalThis as { gc?: () => void }).gc !== undefined);
  progress(`${m.cpu}, ${m.cores} cores, Node ${m.node}, load ${m.loadAverage.toFixed(2)}; sizes ${sizes.join(', ')}`);
  const r = await measureScale({ sizes, corpus: flags.corpus, warmRuns, queries, keep: flags.keep, database: flags.database, progress });
  const header = `Scale bench${flags.database ? ' (store on PostgreSQL)' : ''}, ${m.cpu} (${m.cores} cores), Node ${m.node}, load average ${m.loadAverage.toFixed(2)} at start; ${r.questions} question searches and ${r.long} long queries a size; ${warmRuns} warm starts (median); ${((performance.now() - started) / 60000).toFixed(1)} min.`;
  io.out(flags.json ? `${JSON.stringify({ machine: m, corpus: r.corpusPath, rows: r.rows, targets: checkScaleTargets(r.rows) })}\n` : renderScale(r.rows, header));
  return 0;
}

/**
 * The scale measurements (run.ts) at each size, on real corpus folders cut from the corpus file:
 * with `database` (postgres://…) the hosts' store is PostgreSQL, a fresh schema per size, dropped after.
 * Also used by `npm run bench:store` for its import, warm start and cross-host rows.
 */
export async function measureScale(opts: {
  sizes: readonly number[];
  corpus?: string | undefined;
  warmRuns: number;
  queries: number;
  keep?: string | undefined;
  database?: string | undefined;
  progress: (msg: string) => void;
}): Promise<{ rows: ScaleRow[]; corpusPath: string; questions: number; long: number }> {
  const { sizes, progress } = opts;
  const corpusPath = opts.corpus === 'synthetic' ? null : resolveCorpus(opts.corpus);
  if (!corpusPath) {
    throw new UsageError(`--scale needs the real corpus: ${DEFAULT_CORPUS} is missing; give --corpus PATH to an OrangeSum-style .jsonl.gz`);
  }
  if (opts.database !== undefined && !/^postgres(ql)?:\/\//.test(opts.database)) throw new UsageError('--database expects a postgres://… address (a schema of its own is made per size and dropped after)');
  progress(`reading ${corpusPath}`);
  const articles: Article[] = [];
  for await (const a of readJsonlGzArticles(corpusPath)) articles.push(a);
  const largest = Math.min(sizes.at(-1) as number, articles.length);
  const dev = parseQuestions(await readFile(DEV_QUESTIONS, 'utf8'));
  const questions = repeatTo(dev, opts.queries).map((q) => q.question);
  // Queries come from articles never indexed at any size: after the largest one.
  const long = longQueries(articles, largest, opts.queries);
  const workDir = opts.keep ? path.resolve(opts.keep) : await mkdtemp(path.join(os.tmpdir(), 'griot-scale-'));
  const schemas = opts.database ? benchSchemas(opts.database) : undefined;
  try {
    const rows = await runScale({
      sizes,
      articles,
      seedsDir: SEEDS,
      workDir,
      question: dev[0]?.question ?? 'Barkhane',
      questions,
      long,
      warmRuns: opts.warmRuns,
      keep: opts.keep !== undefined,
      ...(schemas ? { freshDatabase: schemas.fresh } : {}),
      progress,
    });
    return { rows, corpusPath, questions: questions.length, long: long.length };
  } finally {
    await schemas?.dropAll();
    if (!opts.keep) await rm(workDir, { recursive: true, force: true });
  }
}

/** Fresh schemas in the PostgreSQL at `url` (their DATABASE_URLs), all dropped by dropAll(). */
function benchSchemas(url: string) {
  const made: string[] = [];
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    async fresh(): Promise<string> {
      const name = `griot_bench_scale_${randomBytes(5).toString('hex')}`;
      await admin((c) => c.query(`CREATE SCHEMA ${name}`));
      made.push(name);
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${name}`);
      return u.toString();
    },
    async dropAll(): Promise<void> {
      if (made.length === 0) return;
      await admin(async (c) => {
        for (const name of made.splice(0)) await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      });
    },
  };
}

/** The corpus file to read, or null for the generated corpus (or when the default one is absent). */
export function resolveCorpus(flag: string | undefined): string | null {
  if (flag === 'synthetic') return null;
  if (flag !== undefined) {
    const full = path.resolve(flag);
    if (!existsSync(full)) {
      throw new UsageError(`--corpus: ${full} does not exist; give a .jsonl.gz of {"id","date","text"} lines, or "synthetic"`);
    }
    return full;
  }
  return existsSync(DEFAULT_CORPUS) ? DEFAULT_CORPUS : null;
}
