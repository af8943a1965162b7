/**
 * The long-running Discord processes: one bot process (`npm start`, and each shard process of
 * `npm run start:sharded`), and the sharding manager. The entry points (main.ts, shard-entry.ts)
 * hand in what only they may touch: the environment, stderr and process.exit.
 */
import { EventEmitter } from 'node:events';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { DiscordSetupError } from './setup-error.js';
import type { ManagerChannel } from './shard-sync.js';
import type { SignalSource } from './bot.js';

/** What a process entry point provides. */
export interface ProcessIo {
  /** A message for the person running it (stderr). */
  readonly err: (text: string) => void;
  /** Ends the process (main.ts: process.exit). */
  readonly exit: (code: number) => void;
  /** SIGINT/SIGTERM (default: process). */
  readonly signals?: SignalSource;
}

const NO_TOKEN =
  'DISCORD_TOKEN is not set: the bot needs a bot token from the Discord Developer Portal (see docs/operators.md, "Discord application setup"). Without Discord, ask from the terminal: npm run ask -- "your question"';

/**
 * Runs the bot until SIGINT/SIGTERM: opens the index (watching its file for indexes saved by other
 * processes), logs in, and installs the graceful shutdown. With `manager`, runs as one shard of
 * the ShardingManager: shard ids from the manager, reindexes announced to it, its messages followed.
 * Returns 'running', or an exit code after explaining a setup problem on stderr.
 */
export async function runBot(args: { config: Config; logger: Logger; io: ProcessIo; manager?: ManagerChannel }): Promise<number | 'running'> {
  const { config, logger, io, manager } = args;
  if (!config.discord.token) {
    io.err(`${new DiscordSetupError(NO_TOKEN).message}\n`);
    return 1;
  }
  const { createApp } = await import('../app.js');
  const { startBot, installShutdown } = await import('./bot.js');
  const { announcingReindex, followManager } = await import('./shard-sync.js');
  const app = await createApp({ config, logger, watch: true });
  // The bot's client exists only once started; until then no reindex can be announced.
  let shardIds: () => readonly number[] = () => [];
  const engine = manager ? announcingReindex(app.engine, manager, () => shardIds(), logger) : app.engine;
  try {
    const bot = await startBot({ config, logger, engine, store: app.store, feeds: app.feeds, ...(manager ? { shardsFromManager: true } : {}) });
    shardIds = () => (bot.client.shard?.ids as number[] | undefined) ?? [];
    // On SQLite one process polls the feeds: the only one, or the shard process that runs shard 0.
    // On PostgreSQL every process may poll: each feed's lease (src/store/postgres-feeds.ts) lets one host poll it at a time.
    const { startFeedPolling } = await import('../sources/feeds/poll-timer.js');
    const polls = !manager || app.store.kind === 'postgres' || shardIds().includes(0);
    const polling = polls ? startFeedPolling(app.feeds, { intervalMs: config.feedPollMinutes * 60_000, logger }) : null;
    let signals = io.signals ?? process;
    if (manager) {
      // The manager's "stop" is a signal like the others; one signal source, so a second signal
      // (Ctrl-C reaches the shards and the manager, which then asks them too) cannot kill mid-stop.
      const relay = new EventEmitter();
      const source = signals;
      for (const s of ['SIGINT', 'SIGTERM'] as const) {
        // Re-armed each time: a repeated signal is ignored rather than ending the process mid-stop.
        const forward = () => {
          source.once(s, forward);
          relay.emit(s);
        };
        source.once(s, forward);
      }
      followManager({ channel: manager, engine: app.engine, shardIds, logger, onShutdown: () => relay.emit('SIGTERM') });
      signals = relay;
    }
    installShutdown(
      async () => {
        polling?.stop();
        await bot.stop();
        await app.engine.close();
        await app.store.close();
      },
      logger,
      io.exit,
      signals,
    );
    return 'running';
  } catch (err) {
    await app.engine.close();
    await app.store.close();
    if (err instanceof DiscordSetupError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/**
 * `npm run start:sharded`: opens (builds and saves if needed) the index once, then runs the
 * shards under discord.js's ShardingManager, each a process loading the saved index, until
 * SIGINT/SIGTERM. `env` is what the shard processes read their settings from.
 */
export async function runSharded(args: {
  config: Config;
  logger: Logger;
  io: ProcessIo;
  env: Readonly<Record<string, string | undefined>>;
}): Promise<number | 'running'> {
  const { config, logger, io } = args;
  if (!config.discord.token) {
    io.err(`${new DiscordSetupError(NO_TOKEN).message}\n`);
    return 1;
  }
  const { startSharded } = await import('./sharding.js');
  const { installShutdown } = await import('./bot.js');
  try {
    const sharded = await startSharded({ config, logger, env: args.env });
    installShutdown(() => sharded.stop(), logger, io.exit, io.signals);
    return 'running';
  } catch (err) {
    if (err instanceof DiscordSetupError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
