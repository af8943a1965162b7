import { checkQuestion } from '../answer/question-check.js';
import { randomBytes } from 'node:crypto';
import { ThreadAutoArchiveDuration, type Message } from 'discord.js';
import { NO_MENTIONS } from './allowed-mentions.js';
import { appendTurn, type BotContext } from './context.js';
import { assertAllowedChannel, assertRate } from './guards.js';
import { answerMessages } from './render/answer-messages.js';
import { DISCORD_LIMITS } from './render/limits.js';
import { shorten } from '../format.js';
import { recordAnswer } from '../store/record-answer.js';
import { UserError } from './user-error.js';

/**
 * Answers messages that mention the bot, in a new thread named after the question; later
 * messages in that thread are follow-ups carrying the conversation so far. Ignores bots,
 * @everyone/@here and mentions with no question. Needs the Message Content intent.
 */
export function createMessageHandler(ctx: BotContext): (message: Message) => Promise<void> {
  return async (message) => {
    if (message.author.bot || message.system || !message.inGuild()) return;
    const botId = message.client.user.id;
    const channel = message.channel;
    // From the store: a thread's conversation outlives a restart (and is seen by whichever shard serves it).
    // Unreadable (a database outage): treated as no conversation, so only a mention is answered, as a new question.
    const conversation = channel.isThread() ? await ctx.conversations.get(channel.id).catch(() => undefined) : undefined;
    if (!conversation && !message.mentions.users.has(botId)) return;
    if (message.mentions.everyone) return;
    const question = questionOf(message.content, botId);
    if (!question) return;

    const started = performance.now();
    const log = ctx.logger.child({ cmd: conversation ? 'follow-up' : 'mention', messageId: message.id, user: ctx.store.hashUser(message.author.id) });
    let ok = false;
    try {
      assertAllowedChannel(ctx, channel.id, channel.isThread() ? channel.parentId : null);
      await assertRate(ctx, message.author.id);
      const checked = checkQuestion(question, '`@Griot Wanneer vertrok Barkhane uit Mali?`');
      if (!checked.ok) throw new UserError(checked.message);
      const history = conversation ?? [];
      const thread = channel.isThread()
        ? channel
        : await message.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
      // Known as a conversation from now on: messages there are follow-ups.
      if (!conversation) await ctx.conversations.set(thread.id, history);
      await thread.sendTyping().catch(() => undefined);
      const answer = await ctx.engine.ask(question, { history });
      log.info({ answerId: answer.id, mode: answer.mode, refused: answer.refused, citations: answer.citations.length, turns: history.length }, 'answered');
      // Recorded before it is shown, so a reply typed the moment it appears already has it as context.
      await ctx.conversations.set(thread.id, appendTurn((await ctx.conversations.get(thread.id).catch(() => undefined)) ?? history, { question, answer: answer.text }));
      await ctx.answers.set(answer.id, { answer });
      let first: Message | undefined;
      let last: Message | undefined;
      for (const part of answerMessages(answer, { escalation: ctx.config.escalationRoleId !== undefined, llmConfigured: ctx.engine.llmEnabled })) {
        last = await thread.send({ ...part, allowedMentions: NO_MENTIONS });
        first ??= last;
      }
      await ctx.answers.set(answer.id, { answer, ...(last ? { url: last.url } : {}) });
      await recordAnswer(ctx.store, log, answer, { source: 'discord', userId: message.author.id, guildId: message.guildId, channelId: thread.id, messageId: first?.id ?? null });
      ok = true;
    } catch (err) {
      let content: string;
      if (err instanceof UserError) {
        log.info({ reason: err.message }, 'refused with a message for the user');
        content = err.message;
      } else {
        const errorId = randomBytes(4).toString('hex');
        log.error({ err, errorId }, 'message handling failed');
        content = `Something went wrong on my side (error id \`${errorId}\`). Try again; if it keeps failing, give this id to a moderator.`;
      }
      await message.reply({ content, allowedMentions: NO_MENTIONS }).catch((e: unknown) => log.warn({ err: e }, 'could not reply'));
    } finally {
      log.info({ durationMs: Math.round(performance.now() - started), ok }, 'message finished');
    }
  };
}

/** The question in a message: its text without the bot's mention. */
export function questionOf(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** A thread name from the question: one line, at most 100 characters. */
export function threadName(question: string): string {
  return shorten(question, DISCORD_LIMITS.threadName) || 'Question';
}
