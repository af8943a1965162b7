import { ChannelType, MessageFlags, type ForumChannel } from 'discord.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { solvedTag } from '../auto-answer.js';
import { isModerator } from '../commands/reindex.js';
import { UserError } from '../user-error.js';
import type { ComponentHandler } from './types.js';

/** Discord allows this many tags on a post. */
const MAX_TAGS = 5;

/**
 * "✅ Solved" under an answer to a forum post: the asker (the post's author) or a moderator marks
 * the post solved by applying the forum's "Solved"/"Answered" tag; anyone else is told, privately,
 * that it is not theirs to close.
 */
export const solved: ComponentHandler = {
  prefix: 'solved',
  async execute(interaction, [answerId], ctx, log) {
    const thread = interaction.channel;
    if (!thread?.isThread() || thread.parent?.type !== ChannelType.GuildForum) throw new UserError('Solved only works under an answer in a forum post.');
    if (interaction.user.id !== thread.ownerId && !isModerator(interaction, ctx.config)) {
      log.info({ answerId }, 'solved refused: neither the asker nor a moderator');
      throw new UserError('Only the person who asked, or a moderator, can mark this post solved. Thanks for looking, though!');
    }
    const forum = thread.parent as ForumChannel;
    const tag = solvedTag(forum.availableTags);
    if (!tag) {
      await interaction.reply({
        content: 'Thanks! This forum has no “Solved” or “Answered” tag for me to apply; a moderator can add one in the forum’s settings.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    if (thread.appliedTags.includes(tag.id)) {
      await interaction.reply({ content: `This post is already tagged ${tag.name}.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    // The tag goes first so it is kept when the post already has the most tags Discord allows.
    const tags = [tag.id, ...thread.appliedTags].slice(0, MAX_TAGS);
    try {
      await thread.setAppliedTags(tags, `Marked solved by ${interaction.user.username}`);
    } catch (err) {
      log.warn({ err, answerId }, 'could not apply the solved tag');
      throw new UserError(`I could not apply the ${tag.name} tag: I need the Manage Threads permission in this forum. A moderator can grant it.`);
    }
    log.info({ answerId, tag: tag.name }, 'post marked solved');
    await interaction.reply({ content: `✅ Marked ${tag.name} by ${interaction.user.toString()}.`, allowedMentions: NO_MENTIONS });
  },
};
