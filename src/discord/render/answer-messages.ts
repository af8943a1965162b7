import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { Answer } from '../../types.js';
import { renderAnswer } from './answer.js';
import { answerButtons } from './buttons.js';

/** One Discord message's worth of an answer. */
export interface AnswerMessage {
  readonly content: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponent>[];
}

/**
 * The messages that show an answer, in order: text pieces, the last one carrying the sources
 * embed and the buttons (👍 👎, Sources, "Ask a moderator" when `escalation`, "Solved" when `solved`).
 */
export function answerMessages(answer: Answer, options: { escalation: boolean; llmConfigured: boolean; solved?: boolean }): AnswerMessage[] {
  const { pieces, embeds } = renderAnswer(answer, { llmConfigured: options.llmConfigured });
  const buttons = answerButtons(answer.id, { sources: answer.citations.length > 0, escalation: options.escalation, solved: options.solved ?? false });
  return pieces.map((content, i) => {
    const last = i === pieces.length - 1;
    return { content, embeds: last ? [...embeds] : [], components: last ? buttons : [] };
  });
}
