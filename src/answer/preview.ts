/**
 * What users see while the model writes (Discord's progressive edits, the terminal): only complete
 * sentences that passed the review — cited, grounded, no refusal, in the question's language — with
 * their markers renumbered as the final answer will have them. Reasoning never gets here (the
 * caller feeds the reasoning filter's visible text). Each preview extends the one before, so a
 * terminal can print just the new part.
 */
import type { Lang, SearchHit } from '../types.js';
import { wrongLanguage } from './answer-language.js';
import { normaliseCitationMarks } from './citation-marks.js';
import { checkCitations } from './citations.js';
import type { Evidence } from './grounding.js';
import { reviewSentences } from './review.js';

export interface AnswerPreview {
  /** The preview for the text so far, or undefined when there is nothing new to show. */
  update(visible: string): string | undefined;
}

export function createAnswerPreview(sources: readonly SearchHit[], question: string, lang: Lang): AnswerPreview {
  const cache = new Map<string, Evidence>();
  let shown = '';
  let frozen = false;
  return {
    update(visible) {
      if (frozen) return undefined;
      const sentences = reviewSentences(normaliseCitationMarks(visible), sources, question, cache);
      // The last sentence may still grow.
      const complete = sentences.slice(0, -1).filter((s) => s.cites.length > 0 && s.grounded && !s.refusal);
      if (complete.length === 0) return undefined;
      const text = checkCitations(complete.map((s) => s.text).join(' '), sources).text;
      if (text === shown) return undefined;
      // A wrong language, or a text that no longer extends what was shown: stop; the final answer says the rest.
      if (wrongLanguage(text, lang) || !text.startsWith(shown)) {
        frozen = true;
        return undefined;
      }
      shown = text;
      return text;
    },
  };
}
