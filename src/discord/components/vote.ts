import { MessageFlags } from 'discord.js';
import type { Vote } from '../../store/types.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { UserError } from '../user-error.js';
import { shownAnswer } from './shown-answer.js';
import type { ComponentHandler } from './types.js';

/** 👍 / 👎 under an answer: recorded in the store against the answer id; a second click changes the vote. */
export const vote: ComponentHandler = {
  prefix: 'fb',
  async execute(interaction, [kind, answerId], ctx, log) {
    const value: Vote = kind === 'down' ? 'down' : 'up';
    const { answer } = await shownAnswer(ctx, answerId);
    let previous: Vote | undefined;
    try {
      ({ previous } = await ctx.store.votes.record({ answerId: answer.id, userId: interaction.user.id, vote: value }));
    } catch (err) {
      log.warn({ err, answerId: answer.id }, 'could not record a vote');
      throw new UserError('Your rating could not be saved right now (the bot’s storage is failing). Try again later.');
    }
    log.info({ answerId: answer.id, vote: value, previous }, 'feedback recorded');
    const emoji = value === 'up' ? '👍' : '👎';
    const content = previous
      ? previous === value
        ? `You already rated this answer ${emoji}.`
        : `Changed your rating to ${emoji}.`
      : `Thanks for rating this answer ${emoji}.`;
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};
