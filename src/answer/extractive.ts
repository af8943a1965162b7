import { splitSentences } from '../corpus/sentences.js';
import { Analyser, type QueryTerm } from '../search/analyser.js';
import type { Citation, Lang, SearchHit } from '../types.js';
import { answerType, sentenceFits, type AnswerType } from '../search/answer-type.js';
import { refusalSentence } from './refusal.js';
import type { AnswerBody } from './types.js';

/** Knobs of the extractive answerer; the defaults are calibrated on the dev set (README, "Refusal"). */
export interface ExtractiveOptions {
  /** Weight of a query term (e.g. its IDF in the index); default 1. Names and numbers are weighted ×1.5 on top. */
  readonly termWeight?: (term: QueryTerm) => number;
  /**
   * The least share of the question's (weighted) terms that one sentence must contain for the
   * corpus to count as answering. Below it: the refusal sentence.
   */
  readonly minCoverage?: number;
  /** At most this many sentences in an answer. */
  readonly maxSentences?: number;
  /** Passages considered, from the top of the ranking. */
  readonly topPassages?: number;
  /** Query terms, when the caller already analysed the question (the index does it per language). */
  readonly terms?: readonly QueryTerm[];
}

export const DEFAULT_MIN_COVERAGE = 0.5;

/** A sentence of a retrieved passage with how well it answers the question. */
export interface ScoredSentence {
  readonly hit: SearchHit;
  readonly text: string;
  /** Share of the question's weighted terms the sentence contains, 0..1. */
  readonly coverage: number;
  /** Coverage plus rank and answer-type evidence: what the choice is made on. */
  readonly score: number;
}

// One analyser for sentence scoring; its stemmer memo makes repeated words free.
const analyser = new Analyser();

/**
 * Extractive answer: the sentences of the top passages that best answer the question, each
 * followed by its citation [n] (numbered in order of use), or the refusal sentence in the question's
 * language when no sentence covers enough of the question. Pure apart from the stemmer memo.
 */
export function extractiveAnswer(
  question: string,
  hits: readonly SearchHit[],
  lang: Lang,
  options: ExtractiveOptions = {},
): AnswerBody {
  const ranked = scoreSentences(question, hits, options);
  const best = ranked[0];
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  if (!best || best.coverage < minCoverage) return refusal(lang);

  const chosen: ScoredSentence[] = [best];
  const maxSentences = options.maxSentences ?? 2;
  for (const s of ranked.slice(1)) {
    if (chosen.length >= maxSentences) break;
    // A second sentence only when it is nearly as good and says something else.
    if (s.score >= best.score * 0.85 && s.coverage >= minCoverage && !chosen.some((c) => c.text === s.text)) chosen.push(s);
  }
  // Reading order within a passage keeps quoted context coherent.
  chosen.sort((a, b) => (a.hit === b.hit ? a.hit.passage.text.indexOf(a.text) - b.hit.passage.text.indexOf(b.text) : 0));

  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const parts = chosen.map((s) => {
    let n = numberOf.get(s.hit.passage.id);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(s.hit.passage.id, n);
      citations.push({
        n,
        docId: s.hit.doc.id,
        passageId: s.hit.passage.id,
        date: s.hit.doc.date,
        title: s.hit.doc.title,
        text: s.hit.passage.text,
        quote: s.text,
      });
    }
    return cite(s.text, n);
  });
  return { lang, refused: false, text: parts.join(' '), citations };
}

/** Every sentence of the top passages, best first. Exported for evaluation and calibration. */
export function scoreSentences(question: string, hits: readonly SearchHit[], options: ExtractiveOptions = {}): ScoredSentence[] {
  const terms = options.terms ?? analyser.queryTerms(question, ['nl', 'fr', 'en']);
  if (terms.length === 0 || hits.length === 0) return [];
  const weightOf = (t: QueryTerm) => (options.termWeight?.(t) ?? 1) * (t.isName || t.isNumber ? 1.5 : 1);
  const total = terms.reduce((sum, t) => sum + weightOf(t), 0);
  const type = answerType(question);
  const top = hits.slice(0, options.topPassages ?? 5);
  const topScore = top[0]?.score || 1;

  const out: ScoredSentence[] = [];
  top.forEach((hit, rank) => {
    const sentences = splitSentences(hit.passage.text).map((s) => s.text.trim());
    const stems = sentences.map((s) => new Set(analyser.indexTerms(s, hit.passage.lang)));
    const covered = (sets: readonly (ReadonlySet<string> | undefined)[]) =>
      terms.reduce((sum, t) => sum + (sets.some((set) => set !== undefined && matches(t, set)) ? weightOf(t) : 0), 0) / total;
    sentences.forEach((text, i) => {
      if (text.length < 20) return;
      // A sentence is read with its neighbours: "Niger ... thuisbasis. De landen overwegen de missie ..."
      // answers a question whose terms are spread over both.
      const own = covered([stems[i]]);
      const coverage = covered([stems[i - 1], stems[i], stems[i + 1]]);
      out.push({ hit, text, coverage, score: sentenceScore((own + coverage) / 2, hit.score / topScore, rank, type, text) });
    });
  });
  return out.sort((a, b) => b.score - a.score);
}

function sentenceScore(coverage: number, relScore: number, rank: number, type: AnswerType, text: string): number {
  const fits = type !== 'other' && sentenceFits(type, text) ? 0.25 : 0;
  return coverage + 0.2 * relScore + fits - 0.02 * rank;
}

/** A query term matches a sentence by a shared stem, a compound that starts with it, or one edit. */
function matches(term: QueryTerm, stems: ReadonlySet<string>): boolean {
  for (const v of term.variants) {
    if (stems.has(v)) return true;
  }
  if (term.isNumber) return false;
  for (const stem of stems) {
    for (const v of term.variants) {
      if (v.length >= 5 && stem.length > v.length && stem.startsWith(v)) return true;
      if (v.length >= 6 && Math.abs(stem.length - v.length) <= 1 && withinOneEdit(stem, v)) return true;
    }
  }
  return false;
}

/** True when a and b differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Puts the citation before the sentence's final full stop: "… gesneuveld [1]." */
function cite(sentence: string, n: number): string {
  const m = /^(.*?)([.!?…]+)$/su.exec(sentence);
  return m ? `${m[1]} [${n}]${m[2]}` : `${sentence} [${n}]`;
}

function refusal(lang: Lang): AnswerBody {
  return { lang, refused: true, text: refusalSentence(lang), citations: [] };
}
