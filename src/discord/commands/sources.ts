import { SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { documentPages } from '../render/documents.js';
import { openView } from '../views.js';
import type { Command } from './types.js';

/** /sources — the corpus's documents (id, date, title, language, passages), paginated. */
export const sources: Command = {
  data: new SlashCommandBuilder().setName('sources').setDescription('List the documents Griot answers from.').toJSON(),
  async execute(interaction, ctx) {
    await interaction.reply({ ...(await openView(ctx, { kind: 'sources' }, documentPages(ctx.engine.documents()))), allowedMentions: NO_MENTIONS });
  },
};
