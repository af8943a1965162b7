/**
 * Prints, for each question of a questions file, what the keyless answerer saw: the question's terms
 * (weight, whether the corpus knows them, where the word list lets them be found, their variants),
 * the top passages (gold document, holding the answer) and the best judged sentences with their
 * confidence, coverage, focus and short answer. For analysing failures one by one; `npm run eval`
 * gives the scores.
 *
 *   npx tsx scripts/diagnose-answers.ts QUESTIONS.jsonl [id,id…]            # over the seeds
 *   DATA_DIR=… npx tsx scripts/diagnose-answers.ts QUESTIONS.jsonl [id,id…]  # over a saved index
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerTerms, judge } from '../src/answer/extractive.js';
import { loadCorpus } from '../src/corpus/load.js';
import { parseQuestions } from '../src/eval/score.js';
import { Analyser, type QueryTerm } from '../src/search/analyser.js';
import { loadIndex } from '../src/search/persist.js';
import { DEFAULT_TUNING, SearchIndex } from '../src/search/search-index.js';

const [file, only] = [process.argv[2], process.argv[3]?.split(',')];
if (!file) throw new Error('usage: diagnose-answers.ts QUESTIONS.jsonl [id,id…]');
const analyser = new Analyser();
let index: SearchIndex;
if (process.env.DATA_DIR) {
  const r = await loadIndex(join(process.env.DATA_DIR, 'index.json'), null, analyser);
  if (!r.index) throw new Error(r.reason);
  index = r.index;
} else {
  index = SearchIndex.build((await loadCorpus(process.env.CORPUS_DIR ?? 'seeds')).documents, analyser, DEFAULT_TUNING);
}
const short = (s: string, n: number) => s.replace(/\s+/g, ' ').slice(0, n);
const isKnown = (t: QueryTerm) => t.variants.some((v) => index.documentFrequency(v) > 0);
for (const q of parseQuestions(readFileSync(file, 'utf8'))) {
  if (only && !only.includes(q.id)) continue;
  const hits = index.search(q.question, { limit: 8 });
  const terms = index.queryTerms(q.question);
  const holds = (text: string) => q.answer_any.some((a) => text.toLowerCase().includes(a.toLowerCase()));
  console.log(`\n=== ${q.id} ${q.lang} ${q.question}  gold=${q.gold.join(',') || '(trap)'} answer=${q.answer_any.join('|')}`);
  for (const t of answerTerms(q.question, terms)) {
    const where = t.checkableIn ? ` in=${t.checkableIn.join('/')}` : '';
    console.log(`  term ${t.token}${t.isName ? ' (name)' : ''} w=${index.termWeight(t).toFixed(2)} known=${isKnown(t)}${where} [${t.variants.join(' ')}]`);
  }
  hits.forEach((h, i) =>
    console.log(`  hit${i + 1} ${h.passage.id} ${h.passage.lang} ${h.score.toFixed(1)}${q.gold.includes(h.doc.id) ? ' GOLD' : ''}${holds(h.passage.text) ? ' HOLDS' : ''} ${short(h.passage.text, 80)}`),
  );
  const judged = judge(q.question, hits, {
    terms,
    termWeight: (t) => index.termWeight(t),
    isKnown,
    documentText: (id) => index.document(id)?.text,
    languages: index.languages(),
  });
  for (const j of judged.slice(0, 5)) {
    const s = j.sentence;
    const span = j.short ? `${j.short.text}@${j.short.match.toFixed(2)}` : '-';
    console.log(
      `  c=${j.confidence.toFixed(2)} cov=${s.coverage.toFixed(2)}/${s.checked.coverage.toFixed(2)} focus=${s.focus?.toFixed(2) ?? '-'} span=${span}${holds(s.text) ? ' HOLDS' : ''} ${s.hit.passage.id} ${short(s.text, 90)}`,
    );
  }
}
