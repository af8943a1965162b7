import { ChannelType, type Message, type ThreadChannel } from 'discord.js';
import { recordAnswer } from '../store/record-answer.js';
import type { AutoAnswerDecision } from '../store/types.js';
import { NO_MENTIONS } from './allowed-mentions.js';
import { isConfident, postQuestion, unsureReply } from './auto-answer.js';
import { appendTurn, type BotContext } from './context.js';
import { answerMessages } from './render/answer-messages.js';

/** True for the first message of a forum post (its id is the post's thread id). */
export function isForumPost(message: Message): message is Message<true> & { channel: ThreadChannel } {
  const channel = message.channel;
  return message.inGuild() && channel.isThread() && channel.parent?.type === ChannelType.GuildForum && message.id === channel.id;
}

/**
 * Answers a new post in a forum where auto-answer is on, in the post's thread, only when sure
 * (see isConfident); otherwise stays silent, or says it is unsure when the forum asks for that.
 * A post is taken up once (claimed in the store), never a bot's; it counts against the author's
 * rate limit (over it: silent) and goes through the engine, so the LLM concurrency cap holds.
 * The answer carries 👍/👎, Sources, Ask a moderator and Solved; the thread then takes follow-ups
 * like a mention thread. Every decision is in the answer log with its confidence. Never replies
 * with an error: nobody asked the bot. Resolves false when auto-answer is off in that forum (the post
 * may still mention the bot, like any message).
 */
export function createForumHandler(ctx: BotContext): (message: Message<true> & { channel: ThreadChannel }) => Promise<boolean> {
  return async (message) => {
    const thread = message.channel;
    const forumId = thread.parentId!;
    if (message.author.bot || message.system) {
      ctx.logger.debug({ forumId, messageId: message.id }, 'forum post by a bot: never answered');
      return true;
    }
    let setting;
    try {
      setting = await ctx.store.autoAnswer.get(forumId);
    } catch (err) {
      ctx.logger.warn({ err, forumId }, 'could not read the auto-answer setting; the post is treated as in a forum where it is off');
      return false;
    }
    if (!setting) {
      ctx.logger.debug({ forumId, messageId: message.id }, 'auto-answer is off in this forum');
      return false;
    }
    const started = performance.now();
    const log = ctx.logger.child({ cmd: 'auto-answer', messageId: message.id, forumId, user: ctx.store.hashUser(message.author.id) });
    let decided: AutoAnswerDecision | null = null;
    try {
      if (!(await ctx.store.autoAnswer.claimPost(thread.id))) {
        log.info('post already taken up');
        return true;
      }
      const allowed = ctx.config.allowedChannelIds;
      if (allowed.length > 0 && !allowed.includes(forumId) && !allowed.includes(thread.id)) {
        log.info('forum not in ALLOWED_CHANNEL_IDS: silent');
        return true;
      }
      if (!(await ctx.limiter.take(message.author.id)).ok) {
        log.info('author over the rate limit: silent');
        return true;
      }
      const question = postQuestion(thread.name, message.content);
      if (!question) return true;
      const answer = await ctx.engine.ask(question);
      const posted = isConfident(answer, setting.minConfidence);
      decided = { forumId, posted, confidence: answer.mode === 'llm' ? null : (answer.confidence ?? null) };
      log.info(
        { answerId: answer.id, mode: answer.mode, refused: answer.refused, confidence: decided.confidence, minConfidence: setting.minConfidence, posted },
        posted ? 'answered a forum post' : 'not sure enough to answer a forum post',
      );
      let first: Message | undefined;
      if (posted) {
        // Known as a conversation (follow-ups) and its buttons' answer before anything is shown.
        await ctx.conversations.set(thread.id, appendTurn([], { question, answer: answer.text }));
        await ctx.answers.set(answer.id, { answer });
        let last: Message | undefined;
        for (const part of answerMessages(answer, { escalation: ctx.config.escalationRoleId !== undefined, llmConfigured: ctx.engine.llmEnabled, solved: true })) {
          last = await thread.send({ ...part, allowedMentions: NO_MENTIONS });
          first ??= last;
        }
        await ctx.answers.set(answer.id, { answer, ...(last ? { url: last.url } : {}) });
      } else if (setting.replyWhenUnsure) {
        first = await thread.send({ content: unsureReply(answer.lang, answer.refused), allowedMentions: NO_MENTIONS });
      }
      await recordAnswer(
        ctx.store,
        log,
        answer,
        { source: 'discord', userId: message.author.id, guildId: message.guildId, channelId: thread.id, messageId: posted ? (first?.id ?? null) : null },
        decided,
      );
      return true;
    } catch (err) {
      log.error({ err }, 'auto-answer failed');
    } finally {
      log.info({ durationMs: Math.round(performance.now() - started), ok: decided !== null }, 'forum post finished');
    }
    return true;
  };
}
