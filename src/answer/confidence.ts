/**
 * One confidence for a keyless answer, 0..1, from three kinds of evidence about its best sentence:
 * how much of the question the sentence (with its neighbours) covers, whether the question's names
 * and figures occur in the passage at all, and, for a question that asks for a figure, name or date,
 * how well the short answer's own neighbourhood matches the question. Below the threshold the answer
 * is a refusal. Calibrated on the dev set: `npm run eval` prints the sweep.
 */
export interface ConfidenceInput {
  /** Weighted share of the question's terms in the sentence and its neighbours, 0..1. */
  readonly coverage: number;
  /** Weighted share of the question's names and figures found in the passage, or null when it has none. */
  readonly anchors: number | null;
  /** The short answer's neighbourhood match, 0..1; null when the question asks for no span. */
  readonly span: number | null;
  /** Weighted share of the question's terms that no passage of the corpus contains, 0..1. */
  readonly unknown?: number;
}

/** Refusal below this confidence (chosen from the sweep printed by `npm run eval`). */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * Coverage, and the span's match when the question wants a span (a question that asks "how many"
 * is not answered by a sentence without the right figure), scaled down when a name of the question is
 * missing from the passage: "the capital of Australia" is not answered by text about Canberra's absence.
 */
export function confidence(input: ConfidenceInput): number {
  const base = input.span === null ? input.coverage : (input.coverage + input.span) / 2;
  const anchorFactor = input.anchors === null ? 1 : 0.5 + 0.5 * input.anchors;
  return base * anchorFactor * (1 - 0.5 * (input.unknown ?? 0));
}
