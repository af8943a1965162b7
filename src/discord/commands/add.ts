import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type Attachment } from 'discord.js';
import { addedLine } from '../../cli/add.js';
import { UPLOAD_MAX_BYTES } from '../../corpus/upload.js';
import { ReindexBusyError, ReindexFailedError } from '../../engine.js';
import type { Logger } from '../../logger.js';
import type { AddResult } from '../../sources/add-article.js';
import { addFromTarget } from '../../sources/add-target.js';
import { addUpload } from '../../sources/upload.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import type { BotContext } from '../context.js';
import { downloadAttachment, DownloadError } from '../download.js';
import { plain } from '../render/markdown.js';
import { UserError } from '../user-error.js';
import { MODERATORS_ONLY } from './documents.js';
import { isModerator } from './reindex.js';
import type { Command } from './types.js';

type Who = { readonly id: string; readonly username: string };

/** Downloads an attachment and adds it to the store as an upload; a refusal is a UserError saying why (nothing changed). */
export async function addAttachment(attachment: Attachment, ctx: BotContext, log: Logger, who: Who): Promise<Extract<AddResult, { ok: true }>> {
  if (attachment.size > UPLOAD_MAX_BYTES) {
    throw new UserError(`${attachment.name} was not added: it is ${attachment.size} bytes, over the 1 MiB limit. Split it into smaller files.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await downloadAttachment(attachment.url, UPLOAD_MAX_BYTES);
  } catch (err) {
    if (err instanceof DownloadError) throw new UserError(`${attachment.name} was not added: ${err.message}`);
    throw err;
  }
  const added = await addUpload(ctx.store.documents, attachment.name, bytes, { maxBytes: ctx.corpus?.maxBytes ?? UPLOAD_MAX_BYTES });
  if (!added.ok) {
    log.info({ by: who, file: attachment.name, reason: added.reason }, 'upload refused');
    throw new UserError(`Upload refused, nothing changed: ${added.reason}`);
  }
  log.info({ by: who, id: added.id, file: added.document.sourceRef, replaced: added.replaced, duplicateOf: added.duplicateOf, bytes: bytes.length }, 'document uploaded');
  return added;
}

/** Reindexes after an add; what to tell the moderator about the index. */
export async function indexAfterAdd(ctx: BotContext, log: Logger, who: Who): Promise<string> {
  try {
    const report = await ctx.engine.reindex();
    log.info({ by: who, ...report }, 'reindexed');
    return `It is answerable now (${report.documents} documents).`;
  } catch (err) {
    if (err instanceof ReindexBusyError) return 'A reindex is running; it becomes answerable with the next one.';
    if (err instanceof ReindexFailedError) {
      log.warn({ by: who, err }, 'reindex failed');
      return err.message;
    }
    throw err;
  }
}

/** /add url:<link> | file:<attachment> — moderators add one article to the corpus (privately answered). */
export const add: Command = {
  data: new SlashCommandBuilder()
    .setName('add')
    .setDescription('Add an article to the corpus from a link or a file (moderators).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addStringOption((o) => o.setName('url').setDescription('The address of a news article (http or https).').setRequired(false).setMaxLength(2000))
    .addAttachmentOption((o) => o.setName('file').setDescription('A .txt or .md article (UTF-8, at most 1 MB).').setRequired(false))
    .toJSON(),

  async execute(interaction, ctx, log) {
    const who = { id: interaction.user.id, username: interaction.user.username };
    if (!isModerator(interaction, ctx.config)) {
      log.warn({ by: who }, 'add refused: the member is not a moderator');
      throw new UserError(MODERATORS_ONLY);
    }
    const url = interaction.options.getString('url')?.trim();
    const attachment = interaction.options.getAttachment('file');
    if (!url === !attachment) throw new UserError('Give either url: (a link to an article) or file: (a .txt or .md file), one at a time.');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let added: Extract<AddResult, { ok: true }>;
    if (attachment) {
      added = await addAttachment(attachment, ctx, log, who);
    } else {
      const r = await addFromTarget(ctx.store.documents, url!, { maxBytes: ctx.corpus?.maxBytes ?? UPLOAD_MAX_BYTES });
      if (!r.ok) {
        log.info({ by: who, url, reason: r.reason }, 'link refused');
        throw new UserError(`Not added: ${r.reason}`);
      }
      added = r;
      log.info({ by: who, id: r.id, url: r.document.url, duplicateOf: r.duplicateOf }, r.duplicateOf ? 'link is a duplicate' : 'document added');
    }
    const line = addedLine(added, false);
    const indexed = added.duplicateOf === undefined ? ` ${await indexAfterAdd(ctx, log, who)}` : '';
    await interaction.editReply({ content: plain(line) + indexed, allowedMentions: NO_MENTIONS });
  },
};
