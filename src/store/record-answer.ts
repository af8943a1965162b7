import type { Logger } from '../logger.js';
import type { Answer } from '../types.js';
import { answerLogEntry } from './answer-entry.js';
import type { AnswerOrigin, AutoAnswerDecision, Store } from './types.js';
import { StoreUnavailableError } from './unavailable.js';

/**
 * Logs an answer, never failing: a full disk or any write error is a warning, and the answer
 * (already shown, or about to be) goes out regardless.
 */
export async function recordAnswer(store: Store, logger: Logger, answer: Answer, origin: AnswerOrigin, autoAnswer?: AutoAnswerDecision): Promise<boolean> {
  try {
    await store.answers.record(answerLogEntry(answer, origin, new Date(), autoAnswer));
    return true;
  } catch (err) {
    // A store that never opened was reported at start: saying so again under every answer is noise.
    const level = err instanceof StoreUnavailableError ? 'debug' : 'warn';
    logger[level]({ err, answerId: answer.id }, 'could not write the answer log; the answer was given anyway');
    return false;
  }
}
