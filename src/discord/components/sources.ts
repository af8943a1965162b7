import { MessageFlags } from 'discord.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { fullSourcesMessages } from '../render/answer.js';
import { shownAnswer } from './shown-answer.js';
import type { ComponentHandler } from './types.js';

/** "Sources" under an answer: the full cited passages, seen only by whoever clicked. */
export const sourcesButton: ComponentHandler = {
  prefix: 'src',
  async execute(interaction, [answerId], ctx) {
    const [first, ...rest] = fullSourcesMessages((await shownAnswer(ctx, answerId)).answer.citations);
    if (!first) {
      await interaction.reply({ content: 'This answer cites no sources.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    await interaction.reply({ embeds: first, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    for (const embeds of rest) await interaction.followUp({ embeds, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};
