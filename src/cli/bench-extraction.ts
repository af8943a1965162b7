import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultExtractionDir, publishedOutputs, runExtractionBench, type ExtractionBenchResult } from '../bench/extraction.js';
import type { Scores } from '../bench/extraction-score.js';
import { parseCommandArgs } from './args.js';
import type { CliIo } from './io.js';

/**
 * `npm run bench:extraction -- [--dir DIR] [--json] [--evaluate]`: scores Griot's article extraction and plain
 * Readability.js on the article-extraction benchmark (default ../shared/extraction/article-extraction-benchmark).
 * `--evaluate` also runs the benchmark's own evaluate.py (Python 3) over a temporary copy holding both outputs
 * beside the published ones.
 */
export async function benchExtractionCommand(argv: readonly string[], io: CliIo, cwd = process.cwd()): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    dir: { type: 'string' },
    json: { type: 'boolean', default: false },
    evaluate: { type: 'boolean', default: false },
  });
  const dir = resolve(cwd, values.dir ?? defaultExtractionDir(cwd));
  let r: ExtractionBenchResult;
  try {
    r = runExtractionBench(dir, (done, total) => {
      if (!values.json && done % 20 === 0) io.err(`  ${done}/${total} pages\n`);
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n`);
    return 1;
  }
  const { outputs, ...summary } = r;
  if (values.json) {
    io.out(`${JSON.stringify(summary)}\n`);
  } else {
    io.out(render(r));
  }
  if (values.evaluate) {
    const tmp = mkdtempSync(join(tmpdir(), 'griot-extraction-'));
    try {
      mkdirSync(join(tmp, 'output'));
      copyFileSync(join(dir, 'ground-truth.json'), join(tmp, 'ground-truth.json'));
      copyFileSync(join(dir, 'evaluate.py'), join(tmp, 'evaluate.py'));
      for (const f of publishedOutputs(dir)) copyFileSync(join(dir, 'output', f), join(tmp, 'output', f));
      writeFileSync(join(tmp, 'output', 'griot.json'), JSON.stringify(outputs.griot));
      writeFileSync(join(tmp, 'output', 'readability_linkedom.json'), JSON.stringify(outputs.readability_linkedom));
      const py = spawnSync('python3', ['evaluate.py', '--n-bootstrap', '300'], { cwd: tmp, encoding: 'utf8' });
      if (py.error || py.status !== 0) {
        io.err(`evaluate.py did not run (${py.error?.message ?? py.stderr.trim()}); the scores above use the same method\n`);
      } else {
        (values.json ? io.err : io.out)(`\nevaluate.py (the benchmark's own script):\n${py.stdout}`);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return 0;
}

function row(name: string, s: Scores): string {
  return `  ${name.padEnd(52)} F1 ${s.f1.toFixed(3)}   precision ${s.precision.toFixed(3)}   recall ${s.recall.toFixed(3)}`;
}

function render(r: ExtractionBenchResult): string {
  const m = r.metadata;
  const pct = (n: number) => `${n}/${r.pages}`;
  return [
    `Extraction benchmark: ${r.pages} pages, scored as evaluate.py does (4-word shingles, mean over pages)`,
    row('Griot (Readability + paragraphs + JSON-LD body)', r.griot),
    row('  without the metadata layer (Readability + paragraphs)', r.readabilityParagraphs),
    row('Readability.js on linkedom, textContent (this run)', r.readabilityPlain),
    ...(r.readabilityPublished ? [row('Readability.js, published output (scored here)', r.readabilityPublished)] : []),
    `  text from JSON-LD articleBody on ${r.jsonLdBodies} pages`,
    `  metadata found: title ${pct(m.title)}, date ${pct(m.date)} (${Object.entries(r.dateSources).map(([k, v]) => `${k} ${v}`).join(', ')}), author ${pct(m.author)}, site ${pct(m.site)}, language ${pct(m.lang)}, canonical link ${pct(m.canonical)}`,
    `  refused as not an article: ${r.refused.length}${r.refused.length ? ` (${r.refused.slice(0, 5).map((x) => `${x.id.slice(0, 8)}: ${x.reason}`).join('; ')})` : ''}`,
  ].join('\n') + '\n';
}
