import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { DOCUMENT_SOURCE_KINDS, type DocumentSourceKind } from '../../store/documents.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { customIds, removeDocumentButton } from '../render/buttons.js';
import { storedDocumentLine, storedDocumentPages } from '../render/documents.js';
import { UserError } from '../user-error.js';
import { openView } from '../views.js';
import { isModerator } from './reindex.js';
import type { Command } from './types.js';

/** What a non-moderator is told by /documents, /add and the remove button. */
export const MODERATORS_ONLY = 'Only moderators can manage the corpus: you need the Manage Server permission or a moderator role.';

/** /documents list [source] [query] | remove id: — moderators see and remove the corpus's documents (privately). */
export const documents: Command = {
  data: new SlashCommandBuilder()
    .setName('documents')
    .setDescription('See or remove the documents of the corpus (moderators).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) =>
      sub
        .setName('list')
        .setDescription('List the documents, paged.')
        .addStringOption((o) =>
          o
            .setName('source')
            .setDescription('Only documents from this source.')
            .setRequired(false)
            .addChoices(...DOCUMENT_SOURCE_KINDS.map((k) => ({ name: k, value: k }))),
        )
        .addStringOption((o) => o.setName('query').setDescription('Words of the title, id, address or outlet.').setRequired(false).setMaxLength(100)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('remove')
        .setDescription('Remove one document (asks to confirm).')
        .addStringOption((o) => o.setName('id').setDescription('The document id, as /documents list shows it.').setRequired(true).setMaxLength(200)),
    )
    .toJSON(),

  async execute(interaction, ctx, log) {
    const who = { id: interaction.user.id, username: interaction.user.username };
    if (!isModerator(interaction, ctx.config)) {
      log.warn({ by: who }, 'documents refused: the member is not a moderator');
      throw new UserError(MODERATORS_ONLY);
    }
    const docs = ctx.store.documents;
    if (interaction.options.getSubcommand() === 'list') {
      const source = (interaction.options.getString('source') ?? undefined) as DocumentSourceKind | undefined;
      const query = interaction.options.getString('query')?.trim() || undefined;
      const filter = { ...(source ? { source } : {}), ...(query ? { query } : {}) };
      const pages = storedDocumentPages(await docs.list(filter), filter);
      await interaction.reply({ ...(await openView(ctx, { kind: 'documents', ...filter }, pages)), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    const id = interaction.options.getString('id', true).trim();
    const d = await docs.get(id);
    if (!d) throw new UserError(`No document has the id "${id}"; find it with /documents list.`);
    if (customIds.removeDocument(id).length > 100) throw new UserError('This id is too long to confirm from Discord; remove it with npm run documents -- remove on the server.');
    const note = d.source === 'folder' ? '\nIts file stays in CORPUS_DIR and is left out until it is deleted there.' : '';
    await interaction.reply({
      content: `Remove this document from the corpus?\n${storedDocumentLine(d)}${note}`,
      components: removeDocumentButton(id),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};
