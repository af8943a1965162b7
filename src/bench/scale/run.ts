/**
 * `npm run bench -- --scale`: Griot as an operator runs it, on real corpus folders of growing size.
 * Per size: the first build (a fresh DATA_DIR, `ask` from process start to answer), warm starts
 * (the same command again, index saved), then a serving process (serve-probe.ts) that times
 * searches and a one-article reindex and reads its resident memory.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../articles.js';
import { splitFirstSentence } from '../corpus.js';
import { articlePath, writeCorpusDir } from './corpus-dir.js';
import type { ProbeResult, ProbeSpec } from './serve-probe.js';

const SRC = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = path.join(SRC, 'main.ts');
const PROBE = fileURLToPath(new URL('./serve-probe.ts', import.meta.url));
const EXIT_USAGE = fileURLToPath(new URL('./exit-usage.ts', import.meta.url));

/** One child process run: how long from spawn to exit, its peak memory, and what it printed. */
export interface ProcessRun {
  readonly ms: number;
  /** CPU time (user + system): less sensitive than wall time to other work on the machine. */
  readonly cpuMs: number | null;
  readonly maxRssBytes: number | null;
  readonly stdout: string;
}

/** Everything measured at one corpus size. */
export interface ScaleRow {
  readonly articles: number;
  readonly firstBuild: ProcessRun;
  /** Each warm start, process start to answer (ms). */
  readonly warmStartsMs: readonly number[];
  /** CPU time of each warm start (ms). */
  readonly warmStartsCpuMs: readonly (number | null)[];
  readonly warmStartMaxRssBytes: number | null;
  readonly serving: ProbeResult;
}

export interface ScaleOptions {
  readonly sizes: readonly number[];
  readonly articles: readonly Article[];
  readonly seedsDir: string;
  /** Where corpus and data folders are made (and removed unless `keep`). */
  readonly workDir: string;
  readonly question: string;
  readonly questions: readonly string[];
  readonly long: readonly string[];
  readonly warmRuns: number;
  readonly keep?: boolean;
  /** With PostgreSQL: a fresh, empty database for each size (its DATABASE_URL), so the hosts' store is PostgreSQL. */
  readonly freshDatabase?: () => Promise<string>;
  readonly progress: (msg: string) => void;
}

/** Long queries: first sentences of the articles after the largest size (never indexed). Pure. */
export function longQueries(articles: readonly Article[], from: number, count: number): string[] {
  const out: string[] = [];
  for (const a of articles.slice(from)) {
    if (out.length >= count) break;
    const first = splitFirstSentence(a.text)?.first;
    if (first && first.split(/\s+/).length >= 5) out.push(first);
  }
  return out;
}

/** Runs `node` with tsx and the usage preload; resolves when the process exits (rejects on failure). */
function runNode(args: readonly string[], env: Record<string, string>, usageFile: string): Promise<ProcessRun> {
  const tsx = import.meta.resolve('tsx');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, '--import', EXIT_USAGE, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, GRIOT_BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${path.basename(args[0] ?? '')} ${args.slice(1, 2).join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      readFile(usageFile, 'utf8')
        .then(
          (u) => JSON.parse(u) as { maxRssBytes: number; userMs: number; systemMs: number },
          () => null,
        )
        .then((u) => resolve({ ms, cpuMs: u ? u.userMs + u.systemMs : null, maxRssBytes: u?.maxRssBytes ?? null, stdout }));
    });
  });
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/** Median warm start of a row (ms). */
export const warmStartMs = (row: ScaleRow): number => median(row.warmStartsMs);

/** Median CPU time of a row's warm starts (ms), or null when it was not read. */
export const warmStartCpuMs = (row: ScaleRow): number | null => {
  const xs = row.warmStartsCpuMs.filter((x): x is number => x !== null);
  return xs.length > 0 ? median(xs) : null;
};

/** Measures every size in turn; each size gets fresh corpus and data folders. */
export async function runScale(opts: ScaleOptions): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const size of opts.sizes) {
    const count = Math.min(size, opts.articles.length);
    const base = path.join(opts.workDir, `scale-${count}`);
    const corpusDir = path.join(base, 'corpus');
    const dataDir = path.join(base, 'data');
    const usage = path.join(base, 'usage.json');
    opts.progress(`${count} articles: writing the corpus folder`);
    await writeCorpusDir(corpusDir, opts.seedsDir, opts.articles, count);
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    const env: Record<string, string> = { CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    // The first build then imports the folder into PostgreSQL; warm starts check its revision.
    if (opts.freshDatabase) env.DATABASE_URL = await opts.freshDatabase();
    const ask = [MAIN, 'ask', '--no-llm', opts.question];
    opts.progress(`${count} articles: first build (empty DATA_DIR)…`);
    const firstBuild = await runNode(ask, env, usage);
    opts.progress(`${count} articles: first build ${(firstBuild.ms / 1000).toFixed(1)} s`);
    const warm: ProcessRun[] = [];
    for (let i = 0; i < opts.warmRuns; i++) warm.push(await runNode(ask, env, usage));
    opts.progress(`${count} articles: warm starts ${warm.map((w) => (w.ms / 1000).toFixed(2)).join(', ')} s`);
    const spec: ProbeSpec = {
      corpusDir,
      dataDir,
      question: opts.question,
      questions: opts.questions,
      long: opts.long,
      changeFile: count > 0 ? articlePath(corpusDir, opts.articles, count - 1) : path.join(corpusDir, 'bench-change.txt'),
    };
    const specPath = path.join(base, 'probe.json');
    await writeFile(specPath, JSON.stringify(spec));
    opts.progress(`${count} articles: serving process (searches, one-article reindex)…`);
    const probe = await runNode(['--expose-gc', PROBE, specPath], env, usage);
    const serving = JSON.parse(probe.stdout.trim().split('\n').at(-1) ?? '{}') as ProbeResult;
    rows.push({
      articles: count,
      firstBuild,
      warmStartsMs: warm.map((w) => w.ms),
      warmStartsCpuMs: warm.map((w) => w.cpuMs),
      warmStartMaxRssBytes: Math.max(...warm.map((w) => w.maxRssBytes ?? 0)) || null,
      serving,
    });
    if (!opts.keep) await rm(base, { recursive: true, force: true });
  }
  return rows;
}
