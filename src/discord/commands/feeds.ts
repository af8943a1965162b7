import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { renderFeedLine } from '../../cli/feeds.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import { plain } from '../render/markdown.js';
import { UserError } from '../user-error.js';
import { isModerator } from './reindex.js';
import type { Command } from './types.js';

/** Keeps whole lines within Discord's limit, saying how many were left out. */
function fit(lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > max - 60) break;
    kept.push(line);
    length += line.length + 1;
  }
  return kept.length === lines.length ? kept.join('\n') : `${kept.join('\n')}\n… ${lines.length - kept.length} more (npm run feeds -- list)`;
}

/** /feeds add url: | list | remove feed: — moderators manage the feeds the bot polls (private replies). */
export const feeds: Command = {
  data: new SlashCommandBuilder()
    .setName('feeds')
    .setDescription('The news feeds Griot follows (moderators).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Follow an RSS, Atom or RDF feed: its new articles are added to the corpus.')
        .addStringOption((o) => o.setName('url').setDescription('The feed’s address (http or https)').setRequired(true).setMaxLength(2000)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('The feeds followed, with the last error of a failing one.'))
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Stop following a feed (its articles stay in the corpus).')
        .addStringOption((o) => o.setName('feed').setDescription('The feed’s number (see /feeds list) or address').setRequired(true).setMaxLength(2000)),
    )
    .toJSON(),

  async execute(interaction, ctx, log) {
    const who = { id: interaction.user.id, username: interaction.user.username };
    const sub = interaction.options.getSubcommand();
    // Checked here too: server admins can let anyone see the command.
    if (!isModerator(interaction, ctx.config)) {
      log.warn({ by: who, sub }, 'feeds refused: the member is not a moderator');
      throw new UserError('Only moderators can manage feeds: you need the Manage Server permission or a moderator role.');
    }
    const service = ctx.feeds;
    if (!service) throw new UserError('Feeds are not available in this process.');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const reply = (content: string) => interaction.editReply({ content, allowedMentions: NO_MENTIONS });
    const storeError = (err: unknown): never => {
      log.warn({ err }, 'feeds: the store could not be used');
      throw new UserError(`The feed list could not be read or written: ${(err as Error).message}`);
    };

    if (sub === 'add') {
      const url = interaction.options.getString('url', true);
      const r = await service.add(url, `discord:${who.username}`).catch(storeError);
      if (!r.ok) {
        log.info({ by: who, url, reason: r.reason }, 'feed refused');
        throw new UserError(plain(r.reason));
      }
      log.info({ by: who, feed: r.feed.url, feedId: r.feed.id }, 'feed added from discord');
      const minutes = ctx.feedPollMinutes ?? 30;
      await reply(plain(`Following feed #${r.feed.id} ${r.feed.title ?? ''} <${r.feed.url}>. Its new articles are added within ${minutes} minutes, then every ${minutes} minutes.`));
      return;
    }
    if (sub === 'list') {
      const list = await service.list().catch(storeError);
      const text = list.length === 0 ? 'No feeds yet. Add one with /feeds add.' : fit(list.map((f) => plain(renderFeedLine(f))), DISCORD_LIMITS.content);
      await reply(text);
      return;
    }
    const ref = interaction.options.getString('feed', true);
    const removed = await service.remove(ref.replace(/^#/, '')).catch(storeError);
    if (!removed) throw new UserError(plain(`No feed ${ref}; /feeds list shows them.`));
    log.info({ by: who, feed: removed.url, feedId: removed.id }, 'feed removed from discord');
    await reply(plain(`Stopped following feed #${removed.id} <${removed.url}>; the articles it added stay in the corpus.`));
  },
};
