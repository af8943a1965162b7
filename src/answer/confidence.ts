/**
 * One confidence for a keyless answer, 0..1, from the evidence about its best sentence: how much of
 * the question the sentence (with its neighbours) covers, how much of what the question asks about
 * (its common words) is there, how much of the question the corpus has no word for, and, for a
 * question that asks for a figure, name or date, how well the short answer's own neighbourhood
 * matches the question. Below the threshold the answer is a refusal. Calibrated on the dev set:
 * `npm run eval` prints the sweep (docs/answers.md).
 */
export interface ConfidenceInput {
  /** Weighted share of the question's terms in the sentence and its neighbours, 0..1. */
  readonly coverage: number;
  /** The short answer's neighbourhood match, 0..1; null when the question asks for no span. */
  readonly span: number | null;
  /** Weighted share of the question's terms that no passage of the corpus contains, 0..1. */
  readonly unknown?: number;
  /**
   * Share of the question's common words (what it asks about: "population", "commander") in the
   * sentence and its neighbours; null when the question has only names and figures.
   */
  readonly focus?: number | null;
  /**
   * Whether the corpus has a word for some of what the question asks about: when it has none ("Why
   * did France leave Mali?" over a corpus that says *terugtrekking*), no sentence can hold it, and a
   * focus of 0 says nothing about this sentence. Default true.
   */
  readonly askedIsKnown?: boolean;
  /** Weighted share of the question's names (Niger, Wagner, Paris) that the answering document does not name, 0..1. */
  readonly missingAnchors?: number;
}

/** Refusal below this confidence (chosen from the sweep printed by `npm run eval`). */
export const DEFAULT_THRESHOLD = 0.25;

/**
 * The focus factor of a sentence that holds none of what the question asks about ("the population of
 * Bamako": Bamako is there, no population), when the corpus has a word for it: below the 0.4 of the
 * least focus, since among thousands of articles the question's names alone put some sentence above
 * the threshold.
 */
const NOTHING_ASKED_FACTOR = 0.3;

/** How much less a passage is trusted when its document does not name the question's names. */
const ANCHOR_WEIGHT = 0.75;

/**
 * Coverage, averaged with the span's match when the question wants a span (a "how many" question is
 * not answered by a sentence without the right figure); scaled down when what the question asks about
 * is missing ("the population of Bamako": Bamako is there, a population is not), when the corpus
 * has no word for much of the question ("the capital of Australia"), and when the answering document
 * does not name the question's names (a size-independent check: among thousands of articles, some
 * sentence covers any question's common words).
 */
export function confidence(input: ConfidenceInput): number {
  const base = input.span === null ? input.coverage : (input.coverage + input.span) / 2;
  const focusFactor =
    input.focus === null || input.focus === undefined ? 1 : input.focus === 0 && input.askedIsKnown !== false ? NOTHING_ASKED_FACTOR : 0.4 + 0.6 * input.focus;
  return base * focusFactor * (1 - 0.5 * (input.unknown ?? 0)) * (1 - ANCHOR_WEIGHT * (input.missingAnchors ?? 0));
}
