/**
 * Measures the near-duplicate detector (src/sources/near-duplicate.ts) on pairs built from a news corpus
 * (src/bench/dedupe-pairs.ts): precision and recall over a threshold sweep, then the index at scale
 * (every article filed, each republished copy looked up; held-out articles looked up for false alarms).
 *
 *   npm run bench:dedupe [-- CORPUS.jsonl.gz] [--pairs N] [--seed S]
 *
 * The corpus defaults to ../shared/corpora/orangesum-fr.jsonl.gz beside the clone.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { nearestSameDay, republish, seededRandom, sweep, type PairArticle } from '../src/bench/dedupe-pairs.js';
import {
  fingerprint,
  NEAR_DUPLICATE_THRESHOLD,
  NearDuplicateIndex,
  similarity,
  BANDS,
  ROWS,
  SHINGLE_WORDS,
  type Fingerprint,
} from '../src/sources/near-duplicate.js';

const REPO = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const corpus =
  args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ??
  [path.resolve(REPO, '../shared/corpora/orangesum-fr.jsonl.gz'), '/work/shared/corpora/orangesum-fr.jsonl.gz'].find(existsSync);
if (!corpus || !existsSync(corpus)) {
  console.error('bench:dedupe needs a corpus: pass CORPUS.jsonl.gz (OrangeSum layout), or put ../shared/corpora beside the clone.');
  process.exit(2);
}
const pairCount = option('--pairs', 2000);
const seed = option('--seed', 22);
const shingleWords = option('--shingles', SHINGLE_WORDS);

async function readArticles(file: string): Promise<PairArticle[]> {
  const out: PairArticle[] = [];
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const o = JSON.parse(line) as { id: string; date?: string; title?: string; heading?: string; text: string };
    out.push({ id: o.id, text: o.text, ...(o.date ? { date: o.date } : {}), ...(o.title ? { title: o.title } : {}), ...(o.heading ? { heading: o.heading } : {}) });
  }
  return out;
}

const t0 = performance.now();
const articles = await readArticles(corpus);
const random = seededRandom(seed);
const shuffled = articles.map((a) => ({ a, k: random() })).sort((x, y) => x.k - y.k).map((x) => x.a);
console.log(`corpus: ${corpus}, ${articles.length} articles (read in ${((performance.now() - t0) / 1000).toFixed(1)} s); seed ${seed}, shingles of ${shingleWords} words`);

// Positives: republished copies of a sample of articles.
const positives: { original: PairArticle; copy: string; lead: string }[] = [];
for (const a of shuffled) {
  if (positives.length >= pairCount) break;
  const copy = republish(a, shuffled[Math.floor(random() * shuffled.length)]!.title ?? '', random);
  if (copy) positives.push({ original: a, copy: copy.text, lead: copy.lead });
}
// Negatives: each of another sample with the article of its day that shares the most words.
const negatives = nearestSameDay(shuffled.slice(pairCount, 2 * pairCount), articles);

const fp = (text: string): Fingerprint => fingerprint(text, shingleWords);
const positiveScores = positives.map((p) => similarity(fp(p.original.text), fp(p.copy)));
const negativeScores = negatives.map((n) => similarity(fp(n.a.text), fp(n.b.text)));
const thresholds = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8];
console.log(`\npairs: ${positives.length} positives (republished copies), ${negatives.length} negatives (nearest article of the same day; mean word Jaccard ${(negatives.reduce((s, n) => s + n.wordJaccard, 0) / negatives.length).toFixed(2)})`);
const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + '%';
console.log('\nthreshold  precision  recall   TP     FP');
for (const row of sweep(positiveScores, negativeScores, thresholds)) {
  const mark = row.threshold === NEAR_DUPLICATE_THRESHOLD ? '  ← chosen' : '';
  console.log(`  ${row.threshold.toFixed(2)}      ${pct(row.precision)}   ${pct(row.recall)}  ${String(row.truePositives).padStart(5)}  ${String(row.falsePositives).padStart(5)}${mark}`);
}
const quantile = (xs: number[], q: number) => [...xs].sort((x, y) => x - y)[Math.floor(q * (xs.length - 1))]!;
console.log(`\nsimilarity of positives: min ${quantile(positiveScores, 0).toFixed(2)}, 1% ${quantile(positiveScores, 0.01).toFixed(2)}, median ${quantile(positiveScores, 0.5).toFixed(2)}`);
console.log(`similarity of negatives: median ${quantile(negativeScores, 0.5).toFixed(2)}, 99% ${quantile(negativeScores, 0.99).toFixed(2)}, max ${quantile(negativeScores, 1).toFixed(2)}`);
for (const lead of ['summary', 'dropped-1', 'dropped-2']) {
  const scores = positives.flatMap((p, i) => (p.lead === lead ? [positiveScores[i]!] : []));
  if (scores.length) console.log(`  lead ${lead.padEnd(9)}: ${scores.length} copies, recall ${pct(scores.filter((s) => s >= NEAR_DUPLICATE_THRESHOLD).length / scores.length)}, median ${quantile(scores, 0.5).toFixed(2)}`);
}
const flagged = negatives.map((n, i) => ({ ...n, s: negativeScores[i]! })).filter((n) => n.s >= NEAR_DUPLICATE_THRESHOLD);
for (const n of flagged.slice(0, 5)) {
  console.log(`  negative flagged (${n.s.toFixed(2)}): ${n.a.id} "${n.a.title ?? ''}" ~ ${n.b.id} "${n.b.title ?? ''}"`);
}

if (args.includes('--show-negatives')) {
  const lo = option('--show-negatives', NEAR_DUPLICATE_THRESHOLD);
  for (const n of negatives.map((n, i) => ({ ...n, s: negativeScores[i]! })).filter((n) => n.s >= lo).sort((x, y) => x.s - y.s)) {
    console.log(`${n.s.toFixed(2)} | ${n.a.title} | ${n.b.title}`);
  }
  process.exit(0);
}

// The index at scale: every article but a held-out set filed; each copy looked up; held-out articles looked up.
const heldOut = new Set(shuffled.slice(2 * pairCount, 3 * pairCount).map((a) => a.id));
const rows = option('--rows', ROWS);
const bands = option('--bands', BANDS);
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const index = new NearDuplicateIndex<string>({ rows, bands });
const buildStart = performance.now();
for (const a of articles) if (!heldOut.has(a.id)) index.add(a.id, fp(a.text));
const buildMs = performance.now() - buildStart;
globalThis.gc?.();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
const lookStart = performance.now();
let found = 0;
let foundOther = 0;
for (const p of positives) {
  const match = index.find(fp(p.copy));
  if (match?.id === p.original.id) found++;
  else if (match) foundOther++;
}
let falseAlarms = 0;
const alarms: string[] = [];
for (const a of shuffled.slice(2 * pairCount, 3 * pairCount)) {
  const match = index.find(fp(a.text));
  if (match) {
    falseAlarms++;
    if (alarms.length < 5) alarms.push(`${a.id} ~ ${match.id} (${match.similarity.toFixed(2)})`);
  }
}
const lookMs = (performance.now() - lookStart) / (positives.length + heldOut.size);
console.log(`\nindex: ${index.size} articles filed in ${(buildMs / 1000).toFixed(1)} s (${(buildMs / index.size).toFixed(2)} ms each, fingerprint included), ${bands} bands of ${rows} rows, ${heapMb.toFixed(0)} MB heap`);
console.log(`  copies found as their original: ${found}/${positives.length} (${pct(found / positives.length)}); matched another article: ${foundOther}`);
console.log(`  held-out articles matched to some filed article: ${falseAlarms}/${heldOut.size}${alarms.length ? ` (e.g. ${alarms.join(', ')})` : ''}`);
console.log(`  lookup: ${lookMs.toFixed(2)} ms a text (fingerprint included)`);
