import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from '../../logger.js';
import type { BotContext } from '../context.js';

/** A slash command: its registration data and the one function that runs it. */
export interface Command {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Runs the command. Throw UserError for messages meant for the user; anything else becomes an error id. */
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext, log: Logger): Promise<void>;
}
