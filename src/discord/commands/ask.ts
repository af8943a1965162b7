import { UserError } from '../user-error.js';
import { checkQuestion, MAX_QUESTION_CHARS } from '../../answer/question-check.js';
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../../logger.js';
import { recordAnswer } from '../../store/record-answer.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import type { BotContext } from '../context.js';
import { assertAllowedChannel, assertRate } from '../guards.js';
import { answerMessages } from '../render/answer-messages.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import { plain } from '../render/markdown.js';
import { createThrottledEditor } from '../throttled-editor.js';
import type { Command } from './types.js';

export const QUESTION_MAX = MAX_QUESTION_CHARS;

/** /ask question:<text> [private:<bool>] — a cited answer, streamed while the LLM writes it. */
export const ask: Command = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the news corpus; the answer cites its sources.')
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question, in English, Dutch or French').setRequired(true).setMaxLength(QUESTION_MAX),
    )
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer (default: no)'))
    .toJSON(),

  async execute(interaction: ChatInputCommandInteraction, ctx: BotContext, log: Logger) {
    const checked = checkQuestion(interaction.options.getString('question', true), '`/ask question: Wanneer vertrok Barkhane uit Mali?`');
    if (!checked.ok) throw new UserError(checked.message);
    const { question } = checked;
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    assertAllowedChannel(ctx, interaction.channelId, interaction.channel?.isThread() ? interaction.channel.parentId : null);
    await assertRate(ctx, interaction.user.id);
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});

    const editor = createThrottledEditor(
      (text) => interaction.editReply({ content: streamingText(text), allowedMentions: NO_MENTIONS }),
      { intervalMs: ctx.streamIntervalMs, onError: (err) => log.warn({ err }, 'a streaming edit failed') },
    );
    const answer = await ctx.engine.ask(question, { onText: (partial) => editor.update(partial) }).finally(() => editor.finish());
    log.info({ answerId: answer.id, mode: answer.mode, refused: answer.refused, citations: answer.citations.length }, 'answered');

    // Known before its buttons are visible, so an immediate click finds it.
    await ctx.answers.set(answer.id, { answer });
    const [first, ...rest] = answerMessages(answer, { escalation: !ephemeral && ctx.config.escalationRoleId !== undefined, llmConfigured: ctx.engine.llmEnabled });
    let last = await interaction.editReply({ ...first!, allowedMentions: NO_MENTIONS });
    const shown = last;
    for (const message of rest) {
      last = await interaction.followUp({ ...message, allowedMentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
    }
    await ctx.answers.set(answer.id, { answer, url: last.url });
    // A private reply cannot be opened by a moderator, so it gets no link.
    await recordAnswer(ctx.store, log, answer, { source: 'discord', userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId, messageId: ephemeral ? null : shown.id });
  },
};

/** A partial answer as shown while streaming: the newest text, with a cursor, within the limit. */
function streamingText(partial: string): string {
  const max = DISCORD_LIMITS.content - 2;
  // Escaped like the final answer, so the text does not change look when streaming ends.
  const escaped = plain(partial);
  const text = escaped.length > max ? `…${escaped.slice(escaped.length - max + 1)}` : escaped;
  return `${text} ▌`;
}
