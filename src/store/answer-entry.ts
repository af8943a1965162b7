/** From an Answer to its answer-log record. Pure. */
import { fold, tokenize } from '../search/text.js';
import type { Answer } from '../types.js';
import type { AnswerLogEntry, AnswerOrigin, AutoAnswerDecision, LoggedMode } from './types.js';

/** The mode as the log keeps it: an extractive answer given although an LLM is configured is a fallback. */
export function loggedMode(answer: Pick<Answer, 'mode' | 'fallbackReason'>): LoggedMode {
  if (answer.mode === 'llm') return 'llm';
  return answer.fallbackReason !== undefined ? 'fallback' : 'extractive';
}

/** A question's text for grouping: lower case, accents folded, punctuation and extra spaces dropped. */
export function questionKey(question: string): string {
  return tokenize(question).map(fold).join(' ');
}

/**
 * The record of `answer` given at `origin`. With `autoAnswer`, a forum post Griot considered on its
 * own: when it did not post the answer, the record counts as refused (no one was answered).
 */
export function answerLogEntry(answer: Answer, origin: AnswerOrigin, at: Date = new Date(), autoAnswer?: AutoAnswerDecision): AnswerLogEntry {
  return {
    answerId: answer.id,
    at,
    question: answer.question,
    lang: answer.lang,
    mode: loggedMode(answer),
    ...(answer.fallbackReason !== undefined ? { fallbackReason: answer.fallbackReason } : {}),
    refused: answer.refused || (autoAnswer !== undefined && !autoAnswer.posted),
    citedDocIds: [...new Set(answer.citations.map((c) => c.docId))],
    latencyMs: Math.round(answer.timings.totalMs),
    origin,
    ...(autoAnswer ? { autoAnswer } : {}),
  };
}

/** A link to a Discord message (guild null: a DM). */
export function messageUrl(guildId: string | null, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}
