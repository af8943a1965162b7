/** Repair of the OrangeSum "glued sentences" quirk. Pure. */

// A lower-case letter or digit, sentence-ending punctuation, then directly an upper-case letter:
// "…domestique.Consternant". Abbreviations such as "U.S.A" stay (an upper-case letter precedes).
const GLUED = /([\p{Ll}\p{N}][.!?])(?=\p{Lu})/gu;

/**
 * Inserts the space missing between two sentences glued across a paragraph break, so sentence
 * splitting and tokenising see two words ("domestique. Consternant"). Idempotent.
 */
export function fixGluedSentences(text: string): string {
  return text.replace(GLUED, '$1 ');
}
