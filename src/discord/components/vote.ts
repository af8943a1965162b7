import { MessageFlags } from 'discord.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import type { Vote } from '../feedback.js';
import { hashUserId } from '../hash.js';
import { shownAnswer } from './shown-answer.js';
import type { ComponentHandler } from './types.js';

/** 👍 / 👎 under an answer: appended to feedback.jsonl; a second click changes the vote. */
export const vote: ComponentHandler = {
  prefix: 'fb',
  async execute(interaction, [kind, answerId], ctx, log) {
    const value: Vote = kind === 'down' ? 'down' : 'up';
    const { answer } = shownAnswer(ctx, answerId);
    const entry = await ctx.feedback.record({ answerId: answer.id, question: answer.question, user: hashUserId(interaction.user.id), vote: value });
    log.info({ answerId: answer.id, vote: value, previous: entry.previous }, 'feedback recorded');
    const emoji = value === 'up' ? '👍' : '👎';
    const content = entry.previous
      ? entry.previous === value
        ? `You already rated this answer ${emoji}.`
        : `Changed your rating to ${emoji}.`
      : `Thanks for rating this answer ${emoji}.`;
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};
