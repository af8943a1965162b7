import { randomBytes } from 'node:crypto';
import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import type { Logger } from '../logger.js';
import { NO_MENTIONS } from './allowed-mentions.js';
import type { Command } from './commands/index.js';
import type { ComponentHandler } from './components/index.js';
import type { BotContext } from './context.js';
import { UserError } from './user-error.js';

/**
 * Routes slash commands and buttons to their handlers with one error path: a UserError shows its
 * message; anything else shows a short error id, logged with the error. One child logger per
 * interaction (cmd, interactionId, hashed user) and one finish line with durationMs and ok.
 */
export function createInteractionHandler(
  ctx: BotContext,
  commands: readonly Command[],
  components: readonly ComponentHandler[],
): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const byPrefix = new Map(components.map((c) => [c.prefix, c]));

  return async (interaction) => {
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    const started = performance.now();
    const cmd = interaction.isChatInputCommand() ? `/${interaction.commandName}` : `button:${interaction.customId.split(':')[0]}`;
    const log = ctx.logger.child({ cmd, interactionId: interaction.id, user: ctx.store.hashUser(interaction.user.id) });
    let ok = false;
    try {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (!command) throw new UserError(`I do not know /${interaction.commandName}; the commands may need redeploying.`);
        await command.execute(interaction, ctx, log);
      } else {
        const [prefix = '', ...args] = interaction.customId.split(':');
        const handler = byPrefix.get(prefix);
        if (!handler) throw new UserError('This button no longer does anything.');
        await handler.execute(interaction, args, ctx, log);
      }
      ok = true;
    } catch (err) {
      if (err instanceof UserError) {
        log.info({ reason: err.message }, 'refused with a message for the user');
        await respondPrivately(interaction, err.message, log);
      } else {
        const errorId = randomBytes(4).toString('hex');
        log.error({ err, errorId }, 'interaction failed');
        await respondPrivately(interaction, `Something went wrong on my side (error id \`${errorId}\`). Try again; if it keeps failing, give this id to a moderator.`, log);
      }
    } finally {
      log.info({ durationMs: Math.round(performance.now() - started), ok }, 'interaction finished');
    }
  };
}

/**
 * Tells only the user, whatever state the interaction is in: a reply if not yet acknowledged; an
 * edit of a private deferred reply; otherwise the public deferred reply is removed and a private
 * follow-up sent, so an error never shows to the channel.
 */
export async function respondPrivately(interaction: RepliableInteraction, content: string, log: Logger): Promise<void> {
  const message = { content, allowedMentions: NO_MENTIONS };
  try {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
      await interaction.editReply(message);
    } else {
      // A public placeholder (or a half-streamed answer) must not stay up looking like an answer.
      if (interaction.deferred && !interaction.ephemeral) await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    }
  } catch (err) {
    log.warn({ err }, 'could not tell the user about the failure');
  }
}
