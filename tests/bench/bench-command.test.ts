import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { benchCommand } from '../../src/cli/bench.js';
import type { BenchReport } from '../../src/bench/report.js';
import { syntheticArticles } from '../../src/bench/synthetic.js';
import { captureIo } from '../helpers/io.js';

const capture = captureIo;

/** A tiny corpus in the OrangeSum layout, paragraphs glued as in the real file. */
async function tinyGz(): Promise<string> {
  const lines: string[] = [];
  for (const a of syntheticArticles()) {
    lines.push(JSON.stringify({ id: `orangesum-${lines.length}`, date: a.date, title: 't', heading: 'h', text: a.text.replace(/\n\n/g, ''), lang: 'fr' }));
    if (lines.length === 120) break;
  }
  const path = join(await mkdtemp(join(tmpdir(), 'griot-bench-')), 'tiny.jsonl.gz');
  await writeFile(path, gzipSync(`${lines.join('\n')}\n`));
  return path;
}

const ENGINES = ['griot', 'minisearch', 'lunr', 'flexsearch'];

describe('benchCommand', () => {
  it('prints exactly one JSON object on stdout with --json, progress on stderr', async () => {
    const io = capture();
    const code = await benchCommand(null, ['--json', '--sizes', '200', '--corpus', await tinyGz(), '--queries', '20'], io);
    expect(code).toBe(0);
    expect(io.stdout.endsWith('\n')).toBe(true);
    expect(io.stdout.trimEnd().split('\n')).toHaveLength(1);
    const report = JSON.parse(io.stdout) as BenchReport;
    expect(report.corpus.source).toBe('file');
    expect(report.sizes.map((s) => s.label)).toEqual(['seeds', '200']);
    const [seeds, sized] = report.sizes as [BenchReport['sizes'][number], BenchReport['sizes'][number]];
    expect(sized.passages).toBe(seeds.passages + 200);
    for (const size of report.sizes) expect(size.engines.map((e) => e.engine)).toEqual(ENGINES);
    for (const e of sized.engines) {
      expect(e.short.latency.n).toBeGreaterThanOrEqual(20);
      expect(e.knownItemRecall5?.of).toBeGreaterThan(0);
    }
    expect(report.targets.length).toBeGreaterThan(0);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(io.stderr).toMatch(/bench: /);
  });

  it('falls back to a generated corpus and says so in the table output, with engines over their bound skipped', async () => {
    const io = capture();
    expect(await benchCommand(null, ['--sizes', '150', '--corpus', 'synthetic', '--queries', '10', '--lunr-max', '100'], io)).toBe(0);
    expect(io.stdout).toMatch(/generated/);
    expect(io.stdout).toMatch(/^\| lunr \| skipped: over its 100-passage bound/m);
    expect(io.stdout).toMatch(/### 150 passages/);
    for (const name of ENGINES) expect(io.stdout).toMatch(new RegExp(`^\\| ${name} \\|`, 'm'));
  });

  it('rejects a corpus file that does not exist and malformed sizes', async () => {
    await expect(benchCommand(null, ['--corpus', '/nonexistent/x.jsonl.gz'], capture())).rejects.toThrow(UsageError);
    await expect(benchCommand(null, ['--sizes', '10,abc'], capture())).rejects.toThrow(/--sizes/);
  });
});
