import { ALL_SIGNALS, extractiveAnswer, type AnswerSignals } from '../answer/extractive.js';
import { detectQuestionLanguage } from '../corpus/language.js';
import { loadCorpus } from '../corpus/load.js';
import { Analyser } from '../search/analyser.js';
import { DEFAULT_TUNING, SearchIndex } from '../search/search-index.js';
import type { Answer } from '../types.js';
import { scoreQuestion, summariseByLanguage, type EvalQuestion, type EvalSummary } from './score.js';

/** One row of the ablation: the dev set scored with one cross-language signal switched off. */
export interface AblationRow {
  readonly without: string;
  readonly summary: Record<string, EvalSummary>;
}

const VARIANTS: readonly { readonly without: string; readonly lexicon: boolean; readonly glossary: boolean; readonly signals: AnswerSignals }[] = [
  { without: '(nothing)', lexicon: true, glossary: true, signals: ALL_SIGNALS },
  { without: 'bilingual word list', lexicon: false, glossary: true, signals: ALL_SIGNALS },
  { without: 'domain glossary (FreeDict words only)', lexicon: true, glossary: false, signals: ALL_SIGNALS },
  { without: 'cognates (prefix, one edit)', lexicon: true, glossary: true, signals: { ...ALL_SIGNALS, cognates: false } },
  { without: 'short-answer match', lexicon: true, glossary: true, signals: { ...ALL_SIGNALS, shortAnswer: false } },
  { without: 'name anchors', lexicon: true, glossary: true, signals: { ...ALL_SIGNALS, anchors: false } },
  { without: 'untranslatable words not counted', lexicon: true, glossary: true, signals: { ...ALL_SIGNALS, gaps: false } },
];

/**
 * Scores the questions over the corpus once per variant, each with its own index (the word list
 * acts in retrieval too), keyless, at the calibrated threshold.
 */
export async function runAblation(corpusDir: string, questions: readonly EvalQuestion[]): Promise<AblationRow[]> {
  const { documents } = await loadCorpus(corpusDir);
  const rows: AblationRow[] = [];
  for (const v of VARIANTS) {
    const index = SearchIndex.build(documents, new Analyser(), { ...DEFAULT_TUNING, bilingualLexicon: v.lexicon, domainGlossary: v.glossary });
    const results = questions.map((q) => {
      const hits = index.search(q.question, { limit: 8 });
      const lang = detectQuestionLanguage(q.question, 'en');
      const body = extractiveAnswer(q.question, hits, lang, {
        terms: index.queryTerms(q.question), termWeight: (t) => index.termWeight(t), isKnown: (t) => t.variants.some((v) => index.documentFrequency(v) > 0), signals: v.signals,
        documentText: (id) => index.document(id)?.text, languages: index.languages() });
      const answer: Answer = { id: q.id, question: q.question, mode: 'extractive', ...body, timings: { retrievalMs: 0, answerMs: 0, totalMs: 0 } };
      return scoreQuestion(q, hits, answer);
    });
    rows.push({ without: v.without, summary: summariseByLanguage(results) });
  }
  return rows;
}

/** The ablation as a table: answer accuracy, passage top-3 and trap refusals per language. */
export function renderAblation(rows: readonly AblationRow[]): string {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(0)}%`);
  const langs = ['en', 'nl', 'fr'];
  const head = ['without', ...langs.map((l) => `${l} acc / top-3 / traps`)];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(head),
    line(head.map(() => '---')),
    ...rows.map((r) => line([r.without, ...langs.map((l) => `${pct(r.summary[l]?.answerAccuracy)} / ${pct(r.summary[l]?.bearingTop3)} / ${pct(r.summary[l]?.refusalAccuracy)}`)])),
  ].join('\n');
}
