import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { DiscordConfig } from '../config.js';
import { NO_MENTIONS } from './allowed-mentions.js';

/**
 * The discord.js client options Griot runs with: the Guilds intent for slash commands, plus
 * Guild Messages and the privileged Message Content intent when ANSWER_MENTIONS is on; the REST
 * base URL from DISCORD_API_URL (the gateway URL then comes from its /gateway/bot answer); and no
 * mentions by default on every message.
 */
export function clientOptions(config: DiscordConfig): ClientOptions {
  const intents = [GatewayIntentBits.Guilds];
  if (config.answerMentions) intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent);
  const shards = config.shardCount === 'auto' ? ({ shards: 'auto' } as const) : { shards: [...Array(config.shardCount).keys()], shardCount: config.shardCount };
  return {
    intents,
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    ...shards,
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  };
}

export function createClient(config: DiscordConfig): Client {
  return new Client(clientOptions(config));
}
