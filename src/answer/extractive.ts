import type { Lang, SearchHit } from '../types.js';
import type { AnswerBody } from './types.js';

/**
 * Extractive answer: the sentences of the top passages that best answer the question, each
 * followed by its citation [n], or the refusal sentence when nothing scores above the threshold.
 * (Being implemented; the signature is the contract.)
 */
export function extractiveAnswer(question: string, hits: readonly SearchHit[], lang: Lang): AnswerBody {
  void question;
  void hits;
  return { lang, refused: true, text: '', citations: [] };
}
