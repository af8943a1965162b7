import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { renderAddedPerDay } from '../../cli/feeds.js';
import { DEFAULT_STATS_DAYS, MAX_STATS_DAYS, renderStats } from '../../cli/stats.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import { plainWithin } from '../render/markdown.js';
import { UserError } from '../user-error.js';
import { isModerator } from './reindex.js';
import type { Command } from './types.js';

/** /stats [days] — moderators read what was asked, what the corpus lacks and which answers got 👎 (private reply). */
export const stats: Command = {
  data: new SlashCommandBuilder()
    .setName('stats')
    .setDescription('What members asked, what the corpus could not answer, and the votes (moderators).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addIntegerOption((o) =>
      o.setName('days').setDescription(`Days to count back, today included (default ${DEFAULT_STATS_DAYS})`).setMinValue(1).setMaxValue(MAX_STATS_DAYS),
    )
    .toJSON(),

  async execute(interaction, ctx, log) {
    // Checked here too: server admins can let anyone see the command.
    if (!isModerator(interaction, ctx.config)) {
      log.warn('stats refused: the member is not a moderator');
      throw new UserError('Only moderators can read /stats: you need the Manage Server permission or a moderator role.');
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const days = interaction.options.getInteger('days') ?? DEFAULT_STATS_DAYS;
    let text: string;
    try {
      text = renderStats(await ctx.store.answers.stats({ days }), { markdown: true, questionMax: 80, userText: plainWithin });
      const added = await ctx.store.feeds.addedPerDay(days, new Date()).catch(() => null);
      if (added) text = `${text}\n\n${renderAddedPerDay(added, { markdown: true })}`;
    } catch (err) {
      log.warn({ err }, 'stats could not be read');
      throw new UserError(`The answer log could not be read: ${(err as Error).message}. The operator can run \`npm run stats\` on the server to see more.`);
    }
    await interaction.editReply({ content: fit(text, DISCORD_LIMITS.content), allowedMentions: NO_MENTIONS });
  },
};

/** Keeps whole lines within `max` characters, saying how many were left out. */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > max - 40) break;
    kept.push(line);
    length += line.length + 1;
  }
  return `${kept.join('\n')}\n… ${lines.length - kept.length} more lines (npm run stats)`;
}
