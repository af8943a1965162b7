import type { ButtonInteraction } from 'discord.js';
import type { Logger } from '../../logger.js';
import type { BotContext } from '../context.js';

/** A button handler for custom ids `<prefix>:<args…>`. */
export interface ComponentHandler {
  readonly prefix: string;
  /** `args`: the custom id's parts after the prefix. */
  execute(interaction: ButtonInteraction, args: readonly string[], ctx: BotContext, log: Logger): Promise<void>;
}
