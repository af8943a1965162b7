import type { Logger } from '../logger.js';
import type { Answer } from '../types.js';
import { answerLogEntry } from './answer-entry.js';
import type { AnswerOrigin, AutoAnswerDecision, Store } from './types.js';

/**
 * Logs an answer, never failing: a full disk or any write error is a warning, and the answer
 * (already shown, or about to be) goes out regardless.
 */
export async function recordAnswer(store: Store, logger: Logger, answer: Answer, origin: AnswerOrigin, autoAnswer?: AutoAnswerDecision): Promise<boolean> {
  try {
    await store.answers.record(answerLogEntry(answer, origin, new Date(), autoAnswer));
    return true;
  } catch (err) {
    logger.warn({ err, answerId: answer.id }, 'could not write the answer log; the answer was given anyway');
    return false;
  }
}
