/** The bench report as markdown (terminal and README). Pure. */
import type { EngineResult, QuerySetResult } from './measure.js';
import type { BenchReport, SizeResult } from './report.js';

const MB = 1e6;
const fmtMs = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const fmtMb = (bytes: number) => (bytes / MB).toFixed(bytes < 10 * MB ? 2 : 1);
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(0)}%`);
const int = (n: number) => n.toLocaleString('en-US');

function latency(set: QuerySetResult): string {
  const l = set.latency;
  if (l.n === 0) return '–';
  const cut = l.n < set.planned ? ` (${l.n}/${set.planned})` : '';
  return `${fmtMs(l.p50)} / ${fmtMs(l.p95)} / ${fmtMs(l.p99)}${cut}`;
}

function row(e: EngineResult): string[] {
  const load = e.loadMs === null ? '–' : `${fmtMs(e.loadMs)} (${((e.loadMs / e.buildMs) * 100).toFixed(0)}%)`;
  const r5 = e.knownItemRecall5 ? `${pct(e.knownItemRecall5.rate)} (${e.knownItemRecall5.of})` : '–';
  return [
    e.engine,
    fmtMs(e.buildMs),
    e.mbPerSecond.toFixed(2),
    fmtMb(e.heapDeltaBytes),
    int(Math.round(e.heapPerPassageBytes)),
    fmtMb(e.rssBytes),
    e.persistedBytes === null ? '–' : fmtMb(e.persistedBytes),
    load,
    latency(e.short),
    latency(e.long),
    `${pct(e.devTop3.rate)} (${e.devTop3.hits}/${e.devTop3.of})`,
    r5,
  ];
}

const HEAD = [
  'engine',
  'build ms',
  'MB/s',
  'heap Δ MB',
  'heap B/passage',
  'RSS MB',
  'saved MB',
  'load ms (% of build)',
  'short p50/p95/p99 ms',
  'long p50/p95/p99 ms',
  'dev top-3',
  'known-item R@5 (n)',
];

const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** One size's table: one row per engine. */
export function renderSizeTable(size: SizeResult): string {
  const title =
    size.label === 'seeds'
      ? `### seeds: ${int(size.passages)} passages, ${size.documents} documents, ${fmtMb(size.textBytes)} MB`
      : `### ${int(size.requested ?? size.passages)} passages (${int(size.passages)} indexed with the seeds, ${int(size.documents)} documents, ${fmtMb(size.textBytes)} MB)`;
  const skipped = size.skipped.map((s) => line([s.engine, `skipped: ${s.reason}`, ...HEAD.slice(2).map(() => '–')]));
  return [title, '', line(HEAD), line(HEAD.map(() => '---')), ...size.engines.map((e) => line(row(e))), ...skipped].join('\n');
}

/** The whole report: machine, corpus, one table per size, targets, notes. */
export function renderReport(r: BenchReport): string {
  const m = r.machine;
  const c = r.corpus;
  const out: string[] = [];
  out.push('## Griot bench');
  out.push('');
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${m.node} (${m.platform}); load average ${m.loadAverage.toFixed(1)} at start${m.gcExposed ? '' : '; **no forced GC** (run node with --expose-gc): heap figures are noisy'}.`,
  );
  out.push(
    c.source === 'file'
      ? `Corpus: ${c.path} — ${int(c.articlesRead)} articles read, ${int(c.articlesIndexable)} indexable (${int(c.passagesAvailable)} passages), ${c.heldBack} held back, ${c.skipped} skipped; prepared in ${(c.prepareMs / 1000).toFixed(1)} s (glue fix + Griot's document pipeline).`
      : `Corpus: **generated** (no corpus file found; deterministic synthetic French/Dutch-like text, fixed seed) — ${int(c.articlesRead)} articles, ${int(c.passagesAvailable)} passages, ${c.heldBack} held back; prepared in ${(c.prepareMs / 1000).toFixed(1)} s.`,
  );
  out.push(
    `Queries: short = the ${r.queries.devQuestions} dev questions repeated to ${r.queries.shortSamples} samples; long = first sentences of ${r.queries.long} held-back articles; known-item = an indexed article's first sentence (removed from its text), gold = that article; at most ${(r.queries.perSetBudgetMs / 1000).toFixed(0)} s per engine and query set ((n/planned) when cut short). Every size includes the seeds.`,
  );
  out.push(
    `Griot start-up on the seeds: read corpus ${fmtMs(r.startup.loadCorpusMs)} ms, + build = ${r.startup.firstStartMs === null ? '–' : fmtMs(r.startup.firstStartMs)} ms, + load saved index = ${r.startup.restartMs === null ? '–' : fmtMs(r.startup.restartMs)} ms. Total run ${(r.durationMs / 1000).toFixed(0)} s.`,
  );
  for (const size of r.sizes) {
    out.push('');
    out.push(renderSizeTable(size));
  }
  out.push('');
  out.push('### Targets (griot)');
  out.push('');
  out.push(line(['target', 'measured', 'met']));
  out.push(line(['---', '---', '---']));
  for (const t of r.targets) out.push(line([t.target, t.measured, t.met === null ? '–' : t.met ? 'yes' : '**no**']));
  const engineNotes = r.sizes.flatMap((s) => s.engines.flatMap((e) => e.notes.map((n) => `${s.label} ${e.engine}: ${n}`)));
  const engines = new Map(r.sizes.flatMap((s) => s.engines.map((e) => [e.engine, e.description] as const)));
  out.push('');
  out.push('### Notes');
  out.push('');
  for (const [name, description] of engines) out.push(`- ${name}: ${description}`);
  for (const n of [...r.notes, ...engineNotes]) out.push(`- ${n}`);
  out.push(
    '- heap Δ: heap growth from the build (the passages themselves not counted); RSS: whole process after the build; saved: the serialised index (Griot\'s includes the document texts); load: parsing (JSON, or Griot\'s sections) + restore; queries run on the loaded index.',
  );
  return `${out.join('\n')}\n`;
}
