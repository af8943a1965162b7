/**
 * The review of a model's answer before anyone sees it: citation marks normalised, a reply cut by
 * the token limit ended at its last complete cited sentence, free-form refusals recognised, and every
 * sentence whose numbers, dates or names are not in the passages it cites (or, uncited, in any
 * source) dropped. Pure: the answerer (llm-answer.ts) and the streaming preview share it.
 */
import { splitSentences } from '../corpus/sentences.js';
import type { FinishReason } from '../llm/types.js';
import type { AnswerRemark, Citation, SearchHit } from '../types.js';
import { normaliseCitationMarks } from './citation-marks.js';
import { checkCitations } from './citations.js';
import { checkGrounding, evidenceOf, factsOf, wordsOf, type Evidence } from './grounding.js';
import { isRefusalPhrase } from './refusal-phrases.js';

/** How the model's answer fared, for logs and `npm run eval -- --llm`. */
export interface ReviewStats {
  /** `[n]` citations in the model's answer (after normalising its marks). */
  readonly citations: number;
  /** Of those, the ones that map to a source holding the cited sentence's numbers, dates or names. */
  readonly validCitations: number;
  /** Sentences dropped because their sources do not hold their facts, with the facts not found. */
  readonly droppedClaims: readonly { readonly sentence: string; readonly missing: readonly string[] }[];
  /** True when the model stopped at its token limit. */
  readonly truncated: boolean;
}

/** The outcome of a review. */
export type Review =
  | { readonly kind: 'answer'; readonly text: string; readonly citations: Citation[]; readonly remarks: readonly AnswerRemark[]; readonly stats: ReviewStats }
  | { readonly kind: 'refusal'; readonly stats: ReviewStats }
  /** Nothing worth serving: `reason` says why (the answer then falls back to extractive). */
  | { readonly kind: 'unusable'; readonly reason: (typeof UNUSABLE)[keyof typeof UNUSABLE]; readonly stats: ReviewStats };

export interface ReviewInput {
  /** The model's answer, reasoning already removed. */
  readonly text: string;
  readonly sources: readonly SearchHit[];
  /** The question: its own names may be repeated without a source. */
  readonly question: string;
  readonly finishReason?: FinishReason;
}

/** One sentence of the answer with what the review found. */
export interface ReviewedSentence {
  readonly text: string;
  /** Source numbers (1-based) of its markers that map to a source. */
  readonly cites: readonly number[];
  /** Marker numbers, valid or not. */
  readonly markers: number;
  readonly refusal: boolean;
  readonly grounded: boolean;
  readonly missing: readonly string[];
  /** Cited sources that hold at least one of its facts (all when it has none). */
  readonly validCites: number;
  /** True when it ends with a terminator (a sentence cut by the token limit does not). */
  readonly complete: boolean;
}

const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/** Splits and checks the sentences of an answer whose marks are already normalised. */
export function reviewSentences(text: string, sources: readonly SearchHit[], question: string, cache: Map<string, Evidence> = new Map()): ReviewedSentence[] {
  const evidence = (i: number): Evidence => {
    const hit = sources[i - 1]!;
    let e = cache.get(hit.passage.id);
    if (!e) cache.set(hit.passage.id, (e = evidenceOf(hit)));
    return e;
  };
  const all = () => sources.map((_, i) => evidence(i + 1));
  const asked = wordsOf(question);
  return splitSentences(text).map((s) => {
    const numbers = [...s.text.matchAll(MARKER)].flatMap((m) => m[1]!.split(',').map((n) => Number(n.trim())));
    const cites = [...new Set(numbers.filter((n) => n >= 1 && n <= sources.length))];
    const facts = factsOf(s.text);
    const grounding = checkGrounding(facts, cites.length > 0 ? cites.map(evidence) : all(), asked);
    const validCites = grounding.empty ? cites.length : cites.filter((n) => checkGrounding(facts, [evidence(n)], asked).missing.length < countFacts(facts)).length;
    return {
      text: s.text,
      cites,
      markers: numbers.length,
      refusal: isRefusalPhrase(s.text),
      grounded: grounding.grounded,
      missing: grounding.missing,
      validCites,
      complete: /[.!?…]["'”’»)\]]*$/u.test(s.text),
    };
  });
}

function countFacts(f: ReturnType<typeof factsOf>): number {
  return f.numbers.length + f.dates.length + f.names.length;
}

/** Why a reply cannot be served (English; src/answer/fallback-reasons.ts says them in the asker's language). */
export const UNUSABLE = {
  cutOff: 'the LLM answer was cut off by its token limit before one complete cited sentence',
  empty: 'the LLM returned an empty answer',
  uncited: 'the LLM answer cited none of its sources',
  unsupported: 'the LLM answer stated facts that its sources do not contain',
  mostlyUnsupported: 'most of the LLM answer stated facts that its sources do not contain',
} as const;

/** Reviews a complete answer. */
export function reviewAnswer(input: ReviewInput): Review {
  const text = normaliseCitationMarks(input.text);
  let sentences = reviewSentences(text, input.sources, input.question);
  const truncated = input.finishReason === 'length';
  const stats = (dropped: ReviewStats['droppedClaims'] = []): ReviewStats => ({
    citations: sentences.reduce((n, s) => n + s.markers, 0),
    validCitations: sentences.reduce((n, s) => n + s.validCites, 0),
    droppedClaims: dropped,
    truncated,
  });
  if (truncated) {
    // Cut by the token limit: end at the last complete sentence that cites something.
    const last = sentences.findLastIndex((s) => s.complete && s.cites.length > 0);
    sentences = sentences.slice(0, last + 1);
    if (sentences.length === 0) return { kind: 'unusable', reason: UNUSABLE.cutOff, stats: stats() };
  }
  const answering = sentences.filter((s) => !s.refusal);
  if (sentences.some((s) => s.refusal) && !answering.some((s) => s.cites.length > 0 && s.grounded)) return { kind: 'refusal', stats: stats() };
  if (text.trim() === '') return { kind: 'unusable', reason: UNUSABLE.empty, stats: stats() };
  if (!sentences.some((s) => s.cites.length > 0)) return { kind: 'unusable', reason: UNUSABLE.uncited, stats: stats() };

  const dropped = answering.filter((s) => !s.grounded).map((s) => ({ sentence: s.text, missing: s.missing }));
  const kept = sentences.filter((s) => s.refusal || s.grounded);
  if (!kept.some((s) => s.cites.length > 0 && !s.refusal)) {
    return { kind: 'unusable', reason: UNUSABLE.unsupported, stats: stats(dropped) };
  }
  if (dropped.length > answering.length - dropped.length) {
    return { kind: 'unusable', reason: UNUSABLE.mostlyUnsupported, stats: stats(dropped) };
  }
  const checked = checkCitations(kept.map((s) => s.text).join(' '), input.sources);
  const remarks: AnswerRemark[] = [
    ...(dropped.length > 0 ? [{ kind: 'claims-removed' as const, count: dropped.length }] : []),
    ...(truncated ? [{ kind: 'shortened' as const }] : []),
  ];
  return { kind: 'answer', text: checked.text, citations: checked.citations, remarks, stats: stats(dropped) };
}
