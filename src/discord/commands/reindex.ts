import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import type { Command } from './types.js';

/** /reindex — moderators only (Manage Server). Placeholder until the reindex issue lands. */
export const reindex: Command = {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Re-read the corpus and rebuild the index (moderators).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .toJSON(),
  async execute(interaction) {
    await interaction.reply({
      content: '/reindex is not available yet. Run `npm run reindex` on the server instead.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};
