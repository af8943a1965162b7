/**
 * One shard process of `npm run start:sharded`, forked by the ShardingManager (see sharding.ts).
 * Like main.ts, an entry point, so it reads process.env and exits: the settings come from the
 * environment the manager passes (its own, plus SHARDS and SHARD_COUNT, which discord.js reads to
 * pick this process's shard). The work is runBot's, the same as `npm start`.
 */
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { runBot } from './run.js';
import type { ManagerChannel, ShardMessage } from './shard-sync.js';

const err = (text: string) => void process.stderr.write(text);

/** The IPC channel to the manager that forked this process. */
const manager: ManagerChannel = {
  send: (message: ShardMessage) => void process.send?.(message),
  onMessage: (listener) => void process.on('message', listener),
  onDisconnect: (listener) => void process.once('disconnect', listener),
};

async function main(): Promise<number | 'running'> {
  if (!process.send) {
    err('shard-entry runs under the sharding manager: start it with `npm run start:sharded` (or `npm start` for one process).\n');
    return 2;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.llm?.apiKey, config.discord.token, config.databaseUrl ? new URL(config.databaseUrl).password || undefined : undefined] }).child({ shard: Number(process.env.SHARDS) });
  try {
    return await runBot({ config, logger, io: { err, exit: (code) => process.exit(code) }, manager });
  } catch (e) {
    logger.error({ err: e }, 'shard failed to start');
    err(`Error: ${(e as Error)?.message ?? String(e)}\n`);
    return 1;
  }
}

main().then(
  // The IPC channel keeps the process alive: leave explicitly unless the bot is running.
  (code) => code !== 'running' && process.exit(code),
  (e: unknown) => {
    err(`Fatal: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  },
);
