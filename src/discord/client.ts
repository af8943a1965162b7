import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { DiscordConfig } from '../config.js';
import { NO_MENTIONS } from './allowed-mentions.js';

/**
 * The discord.js client options Griot runs with: the Guilds intent for slash commands, plus
 * Guild Messages and the privileged Message Content intent when ANSWER_MENTIONS is on; the REST
 * base URL from DISCORD_API_URL (the gateway URL then comes from its /gateway/bot answer); and no
 * mentions by default on every message.
 *
 * Shards: in one process, every shard of SHARD_COUNT ('auto': Discord's recommendation). Under
 * the ShardingManager (`shardsFromManager`), none are set here: discord.js then takes this
 * process's shard ids and the total from the SHARDS and SHARD_COUNT variables the manager gives it.
 */
export function clientOptions(config: DiscordConfig, options: { shardsFromManager?: boolean } = {}): ClientOptions {
  const intents = [GatewayIntentBits.Guilds];
  if (config.answerMentions) intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent);
  const shards = options.shardsFromManager
    ? {}
    : config.shardCount === 'auto'
      ? ({ shards: 'auto' } as const)
      : { shards: [...Array(config.shardCount).keys()], shardCount: config.shardCount };
  return {
    intents,
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    ...shards,
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  };
}

/** A discord.js client with Griot's options (see clientOptions). */
export function createClient(config: DiscordConfig, options: { shardsFromManager?: boolean } = {}): Client {
  return new Client(clientOptions(config, options));
}
