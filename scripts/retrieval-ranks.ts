/**
 * Retrieval only, for a saved index of any size: for each question file, the share of answerable
 * questions whose answering passage (one holding an `answer_any`, case and accents ignored) is in
 * the top 3 as `npm run eval` counts it, the rank of that passage within the top 30 for the others,
 * and the CPU time per search (three passes over the questions). No answers are built, so a
 * 30,000-article index is measured in seconds once loaded.
 *
 *   DATA_DIR=… npx tsx scripts/retrieval-ranks.ts QUESTIONS.jsonl [MORE.jsonl…]   # a saved index
 *   npx tsx scripts/retrieval-ranks.ts QUESTIONS.jsonl                          # the seeds
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../src/corpus/load.js';
import { parseQuestions } from '../src/eval/score.js';
import { Analyser } from '../src/search/analyser.js';
import { loadIndex } from '../src/search/persist.js';
import { DEFAULT_TUNING, SearchIndex } from '../src/search/search-index.js';

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: retrieval-ranks.ts QUESTIONS.jsonl [MORE.jsonl…]');
const analyser = new Analyser();
let index: SearchIndex;
if (process.env.DATA_DIR) {
  const r = await loadIndex(join(process.env.DATA_DIR, 'index.json'), null, analyser);
  if (!r.index) throw new Error(`${r.reason} (run npm run ask once with this DATA_DIR to build it)`);
  index = r.index;
} else {
  index = SearchIndex.build((await loadCorpus(process.env.CORPUS_DIR ?? 'seeds')).documents, analyser, DEFAULT_TUNING);
}
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
for (const file of files) {
  const questions = parseQuestions(readFileSync(file, 'utf8'));
  const per = new Map<string, { n: number; top3: number }>();
  const misses: string[] = [];
  for (const q of questions) {
    if (q.gold.length === 0) continue;
    const holds = (text: string) => q.answer_any.some((a) => fold(text).includes(fold(a)));
    // The answerer's 8 hits, as npm run eval takes them; the rank within 30 for a miss.
    const top3 = index.search(q.question, { limit: 8 }).slice(0, 3).some((h) => holds(h.passage.text));
    const p = per.get(q.lang) ?? { n: 0, top3: 0 };
    per.set(q.lang, { n: p.n + 1, top3: p.top3 + (top3 ? 1 : 0) });
    if (!top3) {
      const at = index.search(q.question, { limit: 30 }).findIndex((h) => holds(h.passage.text));
      misses.push(`${q.id}(${at < 0 ? '>30' : at + 1})`);
    }
  }
  const cpu: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const q of questions) {
      const start = process.cpuUsage();
      index.search(q.question, { limit: 8 });
      const d = process.cpuUsage(start);
      cpu.push((d.user + d.system) / 1000);
    }
  }
  cpu.sort((a, b) => a - b);
  const at = (share: number) => (cpu[Math.floor(share * (cpu.length - 1))] ?? 0).toFixed(2);
  const langs = [...per].sort(([a], [b]) => a.localeCompare(b)).map(([l, p]) => `${l} ${Math.round((100 * p.top3) / p.n)}% (${p.top3}/${p.n})`);
  console.log(`${file}: answer passage top-3 ${langs.join(' | ')}; search CPU p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
  console.log(`  not in the top 3 (rank within 30): ${misses.join(' ') || 'none'}`);
}
