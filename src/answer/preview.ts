/**
 * What users see while the model writes (Discord's progressive edits, the terminal): only complete
 * sentences that passed the review (grounded, in the question's language), once one of them answers
 * with a citation, with their markers renumbered as the final answer will have them; a list of
 * sources the model starts writing is held back. Reasoning never gets here (the
 * caller feeds the reasoning filter's visible text). Each preview extends the one before, so a
 * terminal can print just the new part.
 */
import { splitSentences } from '../corpus/sentences.js';
import type { Lang, SearchHit } from '../types.js';
import { wrongLanguage } from './answer-language.js';
import { beforeSourcesList, normaliseCitationMarks } from './citation-marks.js';
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
  let reviewedUpTo = -1;
  return {
    update(visible) {
      if (frozen) return undefined;
      const answerPart = beforeSourcesList(visible);
      const text = normaliseCitationMarks(answerPart);
      // The last sentence may still grow, unless a sources list follows it: review only when another
      // one is complete (once per sentence, not per token).
      const split = splitSentences(text);
      const done = answerPart.length < visible.length ? split.length - 1 : split.length - 2;
      if (done < 0 || split[done]!.end === reviewedUpTo) return undefined;
      reviewedUpTo = split[done]!.end;
      const sentences = reviewSentences(text.slice(0, reviewedUpTo), sources, question, cache);
      // The sentences the final review keeps, once one of them answers with a citation.
      const complete = sentences.filter((s) => s.refusal || s.grounded);
      if (!complete.some((s) => s.cites.length > 0 && !s.refusal)) return undefined;
      const preview = checkCitations(complete.map((s) => s.text).join(' '), sources).text;
      if (preview === shown) return undefined;
      // A wrong language, or a text that no longer extends what was shown: stop; the final answer says the rest.
      if (wrongLanguage(preview, lang) || !preview.startsWith(shown)) {
        frozen = true;
        return undefined;
      }
      shown = preview;
      return preview;
    },
  };
}
