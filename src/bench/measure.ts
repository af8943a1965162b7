/**
 * The measuring loop, one piece of code for every engine: build, memory, persist and load, then the
 * timed query sets and the quality measures on the same queries.
 */
import type { EvalQuestion } from '../eval/score.js';
import type { BenchCorpus } from './corpus.js';
import type { EngineAdapter } from './engines/engine.js';
import { summariseLatencies, type LatencySummary } from './percentile.js';
import { bearingTop3, knownItemRecall, type Rate } from './quality.js';

/** Passages asked for per query when timing (what an answerer would retrieve). */
const LATENCY_K = 10;
/** Known-item recall is taken at 5. */
const KNOWN_ITEM_K = 5;
/** Untimed queries first, so one-off set-up (lazy tables, JIT) is not charged to the first sample. */
const WARM_UP = 5;

export interface MeasureOptions {
  /** Samples wanted in the short set (the dev questions repeated) and cap on the long and known-item sets. */
  readonly queries: number;
  /** Wall-clock bound per engine and query set: past it the set stops early (and says so). */
  readonly budgetMs: number;
  /** Forces a full collection before memory readings (`global.gc` under node --expose-gc). */
  readonly gc?: (() => void) | undefined;
}

/** The fixed query sets of one size. */
export interface QuerySets {
  readonly dev: readonly EvalQuestion[];
  /** First sentences of held-back (never indexed) articles. */
  readonly long: readonly string[];
}

export interface QuerySetResult {
  readonly latency: LatencySummary;
  /** Queries the set holds; more than latency.n when the time budget cut it short. */
  readonly planned: number;
}

/** Everything measured for one engine at one size. */
export interface EngineResult {
  readonly engine: string;
  readonly description: string;
  readonly buildMs: number;
  /** MB (10^6 bytes, UTF-8) of passage text indexed per second of build. */
  readonly mbPerSecond: number;
  /** Heap growth caused by the index (forced GC before and after when available). */
  readonly heapDeltaBytes: number;
  readonly heapPerPassageBytes: number;
  /** Whole-process figures right after the build (the corpus itself included). */
  readonly heapUsedBytes: number;
  readonly rssBytes: number;
  readonly persistedBytes: number | null;
  readonly saveMs: number | null;
  /** JSON.parse plus restore. */
  readonly loadMs: number | null;
  readonly short: QuerySetResult;
  readonly long: QuerySetResult;
  readonly knownItem: QuerySetResult;
  /** Dev questions: answer-bearing passage in the top 3. */
  readonly devTop3: Rate;
  /** Null when the size has no known items (the seeds alone). */
  readonly knownItemRecall5: Rate | null;
  readonly notes: readonly string[];
}

/**
 * Runs `fn` over `items` in order, timing each call, until done or `budgetMs` has passed; the first
 * `atLeast` items always run (quality measures need the whole dev set).
 */
export function timeEach<T, R>(
  items: readonly T[],
  fn: (item: T) => R,
  budgetMs: number,
  atLeast = 1,
): { samples: number[]; results: R[] } {
  const samples: number[] = [];
  const results: R[] = [];
  const start = performance.now();
  for (const item of items) {
    if (samples.length >= atLeast && performance.now() - start > budgetMs) break;
    const t = performance.now();
    results.push(fn(item));
    samples.push(performance.now() - t);
  }
  return { samples, results };
}

/** `xs` repeated in order until at least `n` items (each at least once). */
export function repeatTo<T>(xs: readonly T[], n: number): T[] {
  const out: T[] = [];
  if (xs.length === 0) return out;
  while (out.length < Math.max(n, xs.length)) out.push(...xs);
  return out;
}

function memory(gc: (() => void) | undefined): NodeJS.MemoryUsage {
  gc?.();
  return process.memoryUsage();
}

/** Byte length of the corpus's passage text in UTF-8. */
export function textBytes(corpus: BenchCorpus): number {
  let n = 0;
  for (const p of corpus.passages) n += Buffer.byteLength(p.text, 'utf8');
  return n;
}

/** Measures one engine on one corpus; the engine's index is released before returning. */
export function measureEngine(engine: EngineAdapter, corpus: BenchCorpus, sets: QuerySets, opts: MeasureOptions): EngineResult {
  const notes: string[] = [];
  const before = memory(opts.gc);
  let t = performance.now();
  engine.build({ documents: corpus.documents, passages: corpus.passages });
  const buildMs = performance.now() - t;
  const after = memory(opts.gc);
  const heapDeltaBytes = after.heapUsed - before.heapUsed;

  let persistedBytes: number | null = null;
  let saveMs: number | null = null;
  let loadMs: number | null = null;
  if (engine.save && engine.load) {
    t = performance.now();
    let data: string | Uint8Array | null = engine.save();
    saveMs = performance.now() - t;
    persistedBytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
    engine.release();
    memory(opts.gc);
    t = performance.now();
    engine.load(data);
    loadMs = performance.now() - t;
    data = null;
    // Queries below run on the loaded index, as a restarted bot's would.
  }

  const texts = new Map(corpus.passages.map((p) => [p.id, p.text]));
  const run = (k: number) => (q: string) => engine.search(q, k);
  for (const q of [...sets.dev.map((d) => d.question), ...sets.long].slice(0, WARM_UP)) engine.search(q, LATENCY_K);

  const shortQueries = repeatTo(
    sets.dev.map((d) => d.question),
    opts.queries,
  );
  const short = timeEach(shortQueries, run(LATENCY_K), opts.budgetMs, sets.dev.length);
  const long = timeEach(sets.long.slice(0, opts.queries), run(LATENCY_K), opts.budgetMs);
  const knownQueries = corpus.knownItems.slice(0, opts.queries);
  const known = timeEach(knownQueries.map((k) => k.query), run(KNOWN_ITEM_K), opts.budgetMs);
  engine.release();

  const set = (samples: number[], planned: number, name: string): QuerySetResult => {
    if (samples.length < planned) {
      notes.push(`${name}: ${samples.length} of ${planned} queries within the ${(opts.budgetMs / 1000).toFixed(0)} s budget`);
    }
    return { latency: summariseLatencies(samples), planned };
  };
  const devAnswered = short.results.slice(0, sets.dev.length);
  // Every engine answers the whole dev set, so dev top-3 compares like with like.
  return {
    engine: engine.name,
    description: engine.description,
    buildMs,
    mbPerSecond: textBytes(corpus) / 1e6 / (buildMs / 1000),
    heapDeltaBytes,
    heapPerPassageBytes: corpus.passages.length ? heapDeltaBytes / corpus.passages.length : 0,
    heapUsedBytes: after.heapUsed,
    rssBytes: after.rss,
    persistedBytes,
    saveMs,
    loadMs,
    short: set(short.samples, shortQueries.length, 'short'),
    long: set(long.samples, Math.min(sets.long.length, opts.queries), 'long'),
    knownItem: set(known.samples, knownQueries.length, 'known-item'),
    devTop3: bearingTop3(sets.dev.slice(0, devAnswered.length), devAnswered, (id) => texts.get(id)),
    knownItemRecall5:
      knownQueries.length === 0
        ? null
        : knownItemRecall(
            knownQueries.map((k) => k.docId),
            known.results,
            KNOWN_ITEM_K,
          ),
    notes,
  };
}
