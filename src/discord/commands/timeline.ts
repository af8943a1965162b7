import { SlashCommandBuilder } from 'discord.js';
import { langOfLocale } from '../../charts/labels.js';
import { renderTimelineChart } from '../../charts/timeline-chart.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { timelinePages } from '../render/timeline.js';
import { UserError } from '../user-error.js';
import { openView } from '../views.js';
import type { Command } from './types.js';

/**
 * /timeline [topic] [from] [to] — dated events from the corpus, grouped by year and month, numbered,
 * with a chart of them attached (the same numbers on a time axis in the asker's language).
 */
export const timeline: Command = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Dated events from the corpus, in order.')
    .addStringOption((o) => o.setName('topic').setDescription('What the events are about (default: everything)').setMaxLength(200))
    .addStringOption((o) => o.setName('from').setDescription('Earliest date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10))
    .addStringOption((o) => o.setName('to').setDescription('Latest date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10))
    .toJSON(),

  async execute(interaction, ctx) {
    const topic = interaction.options.getString('topic')?.trim() || undefined;
    const from = parseDateOption('from', interaction.options.getString('from'));
    const to = parseDateOption('to', interaction.options.getString('to'));
    if (from && to && from.localeCompare(to) > 0 && !to.startsWith(from)) {
      throw new UserError(`"from" (${from}) is after "to" (${to}); swap them.`);
    }
    await interaction.deferReply();
    const query = { ...(topic ? { topic } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const events = await ctx.engine.timeline(query);
    const view = await openView(ctx, { kind: 'timeline', query }, timelinePages(events, query));
    // The pager's edits leave the attachment in place: the chart shows every event, whatever the page.
    const chart = events.length > 0 ? renderTimelineChart(events, { lang: langOfLocale(interaction.locale), ...(topic ? { topic } : {}) }) : null;
    const files = chart ? [{ attachment: chart.png, name: 'timeline.png', description: `Timeline chart of ${events.length} numbered events` }] : [];
    await interaction.editReply({ ...view, files, allowedMentions: NO_MENTIONS });
  },
};

/** Accepts YYYY, YYYY-MM or YYYY-MM-DD (a real date); anything else is a UserError listing the forms. */
export function parseDateOption(name: string, value: string | null): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  const valid =
    m !== null &&
    (m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 12)) &&
    (m[3] === undefined || isRealDay(Number(m[1]), Number(m[2]), Number(m[3])));
  if (!valid) {
    throw new UserError(`"${name}" must be a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2022, 2022-02 or 2022-02-17); got "${v}".`);
  }
  return v;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
