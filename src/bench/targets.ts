/** Griot's figures against the issue's targets. Pure. */
import type { EngineResult } from './measure.js';
import type { SizeResult, TargetCheck } from './report.js';

/** The engine whose figures are checked. */
export const OWN_ENGINE = 'griot';

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
/** "3.2× the limit" / "within": how far a measured value is from its bound. */
const over = (value: number, limit: number, higherIsBetter = false) => {
  const ok = higherIsBetter ? value >= limit : value <= limit;
  if (ok) return '';
  const factor = higherIsBetter ? limit / value : value / limit;
  return ` (${factor.toFixed(1)}× off)`;
};

function check(target: string, value: number | null | undefined, limit: number, show: (x: number) => string, higherIsBetter = false): TargetCheck {
  if (value === null || value === undefined || Number.isNaN(value)) return { target, measured: 'not measured', met: null };
  const met = higherIsBetter ? value >= limit : value <= limit;
  return { target, measured: `${show(value)}${over(value, limit, higherIsBetter)}`, met };
}

/** Below this many known-item queries (a time budget cut the set short) a recall is not compared. */
export const MIN_COMPARED_QUERIES = 20;

/** Sizes where Griot's quality is below the best other engine's, with both figures. */
function qualityGaps(sizes: readonly SizeResult[]): string[] {
  const gaps: string[] = [];
  for (const size of sizes) {
    const own = size.engines.find((e) => e.engine === OWN_ENGINE);
    if (!own) continue;
    const peers = size.engines.filter((e) => e.engine !== OWN_ENGINE);
    const measures: [string, (e: EngineResult) => number | null | undefined][] = [
      ['dev top-3', (e) => e.devTop3.rate],
      ['known-item R@5', (e) => ((e.knownItemRecall5?.of ?? 0) >= MIN_COMPARED_QUERIES ? e.knownItemRecall5?.rate : null)],
    ];
    for (const [name, get] of measures) {
      const mine = get(own);
      if (mine === null || mine === undefined) continue;
      let best: EngineResult | null = null;
      for (const p of peers) if ((get(p) ?? -1) > (best ? (get(best) ?? -1) : -1)) best = p;
      const theirs = best ? get(best) : null;
      if (best && theirs !== null && theirs !== undefined && theirs > mine) {
        gaps.push(`${size.label}: ${name} ${(mine * 100).toFixed(0)}% < ${best.engine} ${(theirs * 100).toFixed(0)}%`);
      }
    }
  }
  return gaps;
}

/**
 * The targets: at the largest size, p50 ≤ 5 ms (dev questions) and ≤ 20 ms (long queries), build ≥ 5 MB/s,
 * heap ≤ 2 KB a passage, load ≤ 10% of build; quality at least the best peer's at every size; start-up
 * on the seeds ≤ 500 ms.
 */
export function checkTargets(sizes: readonly SizeResult[], startup: { firstStartMs: number | null; restartMs: number | null }): TargetCheck[] {
  const largest = sizes.at(-1);
  const own = largest?.engines.find((e) => e.engine === OWN_ENGINE);
  const at = largest ? ` at ${largest.passages.toLocaleString('en-US')} passages` : '';
  const gaps = qualityGaps(sizes);
  const compared = sizes.some((s) => s.engines.some((e) => e.engine === OWN_ENGINE) && s.engines.length > 1);
  return [
    check(`retrieval p50, dev questions${at} ≤ 5 ms`, own?.short.latency.p50, 5, ms),
    check(`retrieval p50, long queries${at} ≤ 20 ms`, own?.long.latency.p50, 20, ms),
    check(`build throughput${at} ≥ 5 MB/s`, own?.mbPerSecond, 5, (x) => `${x.toFixed(2)} MB/s`, true),
    check(`heap${at} ≤ 2 KB per passage`, own ? own.heapPerPassageBytes / 1000 : null, 2, (x) => `${x.toFixed(2)} KB`),
    check(
      `loading the persisted index${at} ≤ 10% of building it`,
      own && own.loadMs !== null ? (own.loadMs / own.buildMs) * 100 : null,
      10,
      (x) => `${x.toFixed(0)}%${own ? ` (${ms(own.loadMs ?? 0)} vs ${ms(own.buildMs)})` : ''}`,
    ),
    {
      target: `retrieval quality ≥ best peer at every size (dev top-3; known-item R@5 where both ran ≥ ${MIN_COMPARED_QUERIES} queries)`,
      measured: !compared ? 'not measured' : gaps.length ? gaps.join('; ') : 'at least the best peer everywhere',
      met: !compared ? null : gaps.length === 0,
    },
    check('start-up on the seeds (read corpus + build) ≤ 500 ms', startup.firstStartMs, 500, ms),
    check('restart on the seeds (read corpus + load saved index) ≤ 500 ms', startup.restartMs, 500, ms),
  ];
}
