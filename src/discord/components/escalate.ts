import { MessageFlags } from 'discord.js';
import { NO_MENTIONS, onlyRole } from '../allowed-mentions.js';
import { plainWithin } from '../render/markdown.js';
import { shownAnswer } from './shown-answer.js';
import type { ComponentHandler } from './types.js';

/**
 * "🙋 Ask a moderator": posts the question with a link to the answer in the same channel or
 * thread, mentioning ESCALATION_ROLE_ID — the only mention the bot ever allows.
 */
export const escalate: ComponentHandler = {
  prefix: 'esc',
  async execute(interaction, [answerId], ctx, log) {
    const roleId = ctx.config.escalationRoleId;
    if (!roleId) {
      await interaction.reply({ content: 'Escalation is not configured on this server.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    const { answer, url } = await shownAnswer(ctx, answerId);
    log.info({ answerId: answer.id }, 'escalated to moderators');
    await interaction.reply({
      content: `<@&${roleId}> ${interaction.user.toString()} would like a moderator to look at this question:\n> ${plainWithin(answer.question, 500)}${url ? `\nAnswer: ${url}` : ''}`,
      allowedMentions: onlyRole(roleId),
    });
  },
};
