import {
  ChannelType,
  MessageFlags,
  PermissionFlagsBits,
  PermissionsBitField,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type ForumChannel,
  type PermissionResolvable,
} from 'discord.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { DEFAULT_FORUM_CONFIDENCE } from '../auto-answer.js';
import type { BotContext } from '../context.js';
import { UserError } from '../user-error.js';
import { isModerator } from './reindex.js';
import type { Command } from './types.js';

/** What the bot needs in a forum to answer its posts and tag them solved, by the name Discord shows. */
export const FORUM_PERMISSIONS: ReadonlyArray<readonly [string, PermissionResolvable]> = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Read Message History', PermissionFlagsBits.ReadMessageHistory],
  ['Send Messages in Threads', PermissionFlagsBits.SendMessagesInThreads],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
  ['Manage Threads', PermissionFlagsBits.ManageThreads],
];

/** The permissions of FORUM_PERMISSIONS that `granted` lacks, by name. */
export function missingPermissions(granted: Readonly<PermissionsBitField> | null): string[] {
  return FORUM_PERMISSIONS.filter(([, flag]) => !granted?.has(flag)).map(([name]) => name);
}

const describeSetting = (minConfidence: number, replyWhenUnsure: boolean) =>
  `confidence at least ${minConfidence.toFixed(2)}; when unsure: ${replyWhenUnsure ? 'says “not in the corpus”' : 'silent'}`;

/**
 * /autoanswer on channel:<forum> [confidence] [reply_when_unsure] · off channel:<forum> · list —
 * moderators choose the forum channels where Griot answers new posts on its own.
 */
export const autoanswer: Command = {
  data: new SlashCommandBuilder()
    .setName('autoanswer')
    .setDescription('Answer new posts of a forum channel on my own, when sure (moderators).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('on')
        .setDescription('Answer new posts in a forum when sure enough.')
        .addChannelOption((o) => o.setName('channel').setDescription('The forum channel').addChannelTypes(ChannelType.GuildForum).setRequired(true))
        .addNumberOption((o) =>
          o
            .setName('confidence')
            .setDescription(`Least confidence (0 to 1) to answer without a language model (default ${DEFAULT_FORUM_CONFIDENCE})`)
            .setMinValue(0)
            .setMaxValue(1),
        )
        .addBooleanOption((o) => o.setName('reply_when_unsure').setDescription('Say “not in the corpus” instead of staying silent (default: silent)')),
    )
    .addSubcommand((s) =>
      s
        .setName('off')
        .setDescription('Stop answering new posts in a forum.')
        .addChannelOption((o) => o.setName('channel').setDescription('The forum channel').addChannelTypes(ChannelType.GuildForum).setRequired(true)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('The forums where I answer new posts.'))
    .toJSON(),

  async execute(interaction, ctx, log) {
    if (!isModerator(interaction, ctx.config)) {
      log.warn('autoanswer refused: the member is not a moderator');
      throw new UserError('Only moderators can change auto-answer: you need the Manage Server permission or a moderator role.');
    }
    if (!interaction.inGuild()) throw new UserError('Auto-answer works in a server’s forum channels.');
    const sub = interaction.options.getSubcommand(true);
    const reply = (content: string) => interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    if (sub === 'list') {
      const settings = await ctx.store.autoAnswer.list(interaction.guildId);
      await reply(
        settings.length === 0
          ? 'Auto-answer is off in every forum. Turn it on with `/autoanswer on channel:`.'
          : ['**Auto-answer is on in:**', ...settings.map((s) => `• <#${s.forumId}> — ${describeSetting(s.minConfidence, s.replyWhenUnsure)}`)].join('\n'),
      );
      return;
    }
    const forum = interaction.options.getChannel('channel', true, [ChannelType.GuildForum]) as ForumChannel;
    if (sub === 'off') {
      const was = await ctx.store.autoAnswer.disable(forum.id);
      log.info({ forumId: forum.id, was }, 'auto-answer off');
      await reply(was ? `Auto-answer is off in <#${forum.id}>: I no longer answer its new posts (threads I answered still take follow-ups).` : `Auto-answer was not on in <#${forum.id}>.`);
      return;
    }
    await turnOn(interaction, ctx, forum, log);
  },
};

async function turnOn(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, forum: ForumChannel, log: Parameters<Command['execute']>[2]): Promise<void> {
  if (!ctx.config.answerMentions) {
    throw new UserError('Auto-answer reads posts, which needs ANSWER_MENTIONS=on and the Message Content intent; ask the operator to turn them on (docs/operators.md).');
  }
  const me = interaction.guild?.members.me ?? (await interaction.guild?.members.fetchMe().catch(() => null)) ?? null;
  const missing = missingPermissions(me ? forum.permissionsFor(me) : null);
  if (missing.length > 0) {
    log.info({ forumId: forum.id, missing }, 'auto-answer not turned on: permissions missing');
    throw new UserError(`I cannot answer in <#${forum.id}> yet: I am missing ${missing.join(', ')} there. Grant ${missing.length === 1 ? 'it' : 'them'} to my role in the forum’s permissions, then run this again.`);
  }
  const minConfidence = interaction.options.getNumber('confidence') ?? DEFAULT_FORUM_CONFIDENCE;
  const replyWhenUnsure = interaction.options.getBoolean('reply_when_unsure') ?? false;
  await ctx.store.autoAnswer.enable({ guildId: interaction.guildId, forumId: forum.id, minConfidence, replyWhenUnsure, at: new Date() });
  log.info({ forumId: forum.id, minConfidence, replyWhenUnsure }, 'auto-answer on');
  const llm = ctx.engine.llmEnabled ? ' With the language model, I answer when it did not refuse and its citations held.' : '';
  await interaction.reply({
    content: `Auto-answer is on in <#${forum.id}> (${describeSetting(minConfidence, replyWhenUnsure)}).${llm} Each answer has a **Solved** button for the asker or a moderator.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}
