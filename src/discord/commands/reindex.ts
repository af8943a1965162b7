import {
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { renderReindexReport } from '../../cli/reindex.js';
import { ReindexBusyError, ReindexFailedError } from '../../engine.js';
import type { ReindexReport } from '../../types.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { plain } from '../render/markdown.js';
import type { DiscordConfig } from '../../config.js';
import { UserError } from '../user-error.js';
import { addAttachment } from './add.js';
import type { Command } from './types.js';
import { addedLine } from '../../cli/add.js';

/** Discord's message limit, with room for the upload line. */
const MAX_REPLY = 1900;

/**
 * True when the member may reindex: Manage Server (Administrator included) or a role listed in
 * MODERATOR_ROLE_IDS. Checked at run time because server admins can override who sees the command.
 */
export function isModerator(
  interaction: Pick<ChatInputCommandInteraction, 'memberPermissions' | 'member'>,
  config: Pick<DiscordConfig, 'moderatorRoleIds'>,
): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member?.roles;
  const ids = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
  return ids.some((id) => config.moderatorRoleIds.includes(id));
}

/** The report as a private message: the upload first, then the counts and skipped files. */
function reply(report: ReindexReport, upload: string | null): string {
  // File names and skip reasons come from uploads and the corpus: shown literally.
  const text = plain([upload, renderReindexReport(report, { maxIds: 10 })].filter(Boolean).join('\n'));
  return text.length > MAX_REPLY ? `${text.slice(0, MAX_REPLY - 30)}\n… (the full report is in the log)` : text;
}

/** /reindex [file] — moderators re-read the corpus, optionally adding or replacing one document first. */
export const reindex: Command = {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Re-read the corpus and rebuild the index (moderators).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addAttachmentOption((o) =>
      o.setName('file').setDescription('Moved to /add file: (still works here): a .txt or .md article to add first.').setRequired(false),
    )
    .toJSON(),

  async execute(interaction, ctx, log) {
    const who = { id: interaction.user.id, username: interaction.user.username };
    if (!isModerator(interaction, ctx.config)) {
      log.warn({ by: who }, 'reindex refused: the member is not a moderator');
      throw new UserError('Only moderators can reindex: you need the Manage Server permission or a moderator role.');
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });

    let upload: string | null = null;
    const attachment = interaction.options.getAttachment('file');
    if (attachment) {
      // The option moved to /add file:; it keeps working here.
      const added = await addAttachment(attachment, ctx, log, who);
      upload = `${addedLine(added, false)} (The file option moved: use /add file: next time.)`;
    }

    let report: ReindexReport;
    try {
      report = await ctx.engine.reindex();
    } catch (err) {
      if (err instanceof ReindexBusyError) {
        throw new UserError(upload ? `${upload} ${err.message} Then run /reindex again to index it.` : err.message);
      }
      if (err instanceof ReindexFailedError) {
        log.warn({ by: who, err }, 'reindex failed');
        throw new UserError(err.message);
      }
      throw err;
    }
    log.info({ by: who, ...report }, 'reindexed');
    await interaction.editReply({ content: reply(report, upload), allowedMentions: NO_MENTIONS });
  },
};
