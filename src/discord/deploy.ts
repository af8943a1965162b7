import { REST, Routes, type RESTGetCurrentApplicationResult } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { commands } from './commands/index.js';
import { missingToken } from './setup-error.js';

/**
 * Registers the slash commands (`npm run deploy-commands`, never on start): to DISCORD_GUILD_ID
 * when set (instant, for development), otherwise globally. The application id comes from
 * DISCORD_APPLICATION_ID, or from the API with the token.
 */
export async function deployCommands(args: { config: Config; logger: Logger }): Promise<{ scope: 'guild' | 'global'; count: number }> {
  const { token, applicationId, guildId, apiUrl } = args.config.discord;
  if (!token) throw missingToken();
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  try {
    const appId = applicationId ?? ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
    const body = commands.map((c) => c.data);
    const scope = guildId ? 'guild' : 'global';
    await rest.put(guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId), { body });
    args.logger.info({ scope, guildId, count: body.length, names: body.map((c) => c.name) }, 'slash commands deployed');
    return { scope, count: body.length };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
