import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { langOfLocale } from '../../charts/labels.js';
import { renderStatsChart, statsChartDays } from '../../charts/stats-chart.js';
import { renderAddedPerDay } from '../../cli/feeds.js';
import { DEFAULT_STATS_DAYS, MAX_STATS_DAYS, renderStats } from '../../cli/stats.js';
import type { AnswerStats } from '../../store/types.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import { plainWithin } from '../render/markdown.js';
import { UserError } from '../user-error.js';
import { isModerator } from './reindex.js';
import type { Command } from './types.js';

/**
 * /stats [days] — moderators read what was asked, what the corpus lacks and which answers got 👎
 * (private reply), with a chart of questions per day attached.
 */
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
    let stats: AnswerStats;
    let added: Awaited<ReturnType<typeof ctx.store.feeds.addedPerDay>> | null = null;
    try {
      stats = await ctx.store.answers.stats({ days });
      text = renderStats(stats, { markdown: true, questionMax: 80, userText: plainWithin });
      added = await ctx.store.feeds.addedPerDay(days, new Date()).catch(() => null);
      if (added) text = `${text}\n\n${renderAddedPerDay(added, { markdown: true })}`;
    } catch (err) {
      log.warn({ err }, 'stats could not be read');
      throw new UserError(`The answer log could not be read: ${(err as Error).message}. The operator can run \`npm run stats\` on the server to see more.`);
    }
    const chart = renderStatsChart(statsChartDays(stats.perDay, added ? new Map(added.map((r) => [r.day, r.added])) : undefined), { lang: langOfLocale(interaction.locale) });
    await interaction.editReply({
      content: fit(text, DISCORD_LIMITS.content),
      files: [{ attachment: chart.png, name: 'questions-per-day.png', description: `Questions per day, answered and refused, last ${days} days` }],
      allowedMentions: NO_MENTIONS,
    });
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
