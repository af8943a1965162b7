/**
 * `npm run start:sharded`: the bot as several shard processes under discord.js's ShardingManager.
 * The manager process opens the index once (so the shards load it rather than each rebuild it),
 * decides the shards (SHARD_LIST / TOTAL_SHARDS / SHARD_COUNT, 'auto' asking Discord through
 * DISCORD_API_URL), spawns one process per shard running shard-entry, relays "index changed" from
 * the shard that reindexed to the others, and stops them gracefully.
 */
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { Config, DiscordConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { DiscordSetupError, missingToken } from './setup-error.js';
import { isShardMessage, type ShardMessage } from './shard-sync.js';
import { retryWhileUnreachable } from './start-failure.js';

/** Which shards this host runs, out of how many in all. */
export interface ShardPlan {
  readonly totalShards: number;
  readonly shardList: readonly number[];
}

/**
 * The shards to run: TOTAL_SHARDS, else SHARD_COUNT, else ('auto') Discord's recommendation; this
 * host's SHARD_LIST, else all of them. `recommended` is only called for 'auto'.
 */
export async function planShards(
  discord: Pick<DiscordConfig, 'shardCount' | 'shardList' | 'totalShards'>,
  recommended: () => Promise<number>,
): Promise<ShardPlan> {
  const totalShards = discord.totalShards ?? (discord.shardCount === 'auto' ? await recommended() : discord.shardCount);
  const shardList = discord.shardList ?? [...Array(totalShards).keys()];
  const outside = shardList.filter((id) => id >= totalShards);
  if (outside.length > 0) {
    throw new DiscordSetupError(`SHARD_LIST names shard ${outside.join(', ')}, but there are only ${totalShards} shards (ids 0 to ${totalShards - 1}). Fix SHARD_LIST or TOTAL_SHARDS.`);
  }
  return { totalShards, shardList };
}

/**
 * Discord's recommended shard count (GET /gateway/bot), asked at DISCORD_API_URL when set.
 * discord.js's own lookup always asks discord.com, which would bypass a proxy or the tests' fake.
 */
export async function fetchRecommendedShards(discord: Pick<DiscordConfig, 'token' | 'apiUrl'>): Promise<number> {
  if (!discord.token) throw missingToken();
  const rest = new REST({ retries: 1, ...(discord.apiUrl ? { api: discord.apiUrl } : {}) }).setToken(discord.token);
  try {
    const answer = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return Math.max(1, answer.shards);
  } catch (err) {
    if ((err as { status?: number }).status === 401) {
      throw new DiscordSetupError('Discord rejected DISCORD_TOKEN. Copy a fresh bot token from the Developer Portal (Bot → Reset Token) into .env.');
    }
    throw err;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** The shard processes' script: shard-entry next to this module (.ts under tsx, .js once built). */
export const SHARD_ENTRY = fileURLToPath(new URL(`./shard-entry${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

export interface ShardedOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** The environment the shard processes read their settings from (main.ts passes process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Pause between starting two shards (default 5500 ms): Discord accepts one IDENTIFY per 5 s
   * unless the bot's max_concurrency is higher.
   */
  readonly spawnDelayMs?: number;
  /** How long one shard may take to open the index and become ready (default 60 s). */
  readonly readyTimeoutMs?: number;
  /** The shard script (default SHARD_ENTRY). */
  readonly file?: string;
}

/** Running shards. */
export interface Sharded {
  readonly manager: ShardingManager;
  readonly plan: ShardPlan;
  /**
   * Asks every shard to stop (each finishes its answers in flight, up to 10 s), waits for them to
   * exit, and kills any still running after `graceMs` (default 15 s). Safe to call twice.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Opens the index, then spawns this host's shards and waits until each is ready. Throws
 * DiscordSetupError for a bad token or shard settings; if a shard fails to start, the others are
 * stopped and the error is thrown.
 */
export async function startSharded(options: ShardedOptions): Promise<Sharded> {
  const { config, logger } = options;
  const token = config.discord.token;
  if (!token) throw missingToken();
  // Discord unreachable at start (network, 5xx): tried again with backoff, as a single bot does.
  const plan = await planShards(config.discord, () => retryWhileUnreachable(() => fetchRecommendedShards(config.discord), logger));

  // Built and saved here once; each shard then loads the saved index instead of rebuilding it.
  const { createApp } = await import('../app.js');
  // The store is checked (and repaired if damaged) here, once, before the shards open it.
  const prepared = await createApp({ config, logger, checkStore: true });
  const documents = prepared.engine.documents().length;
  await prepared.engine.close();
  await prepared.store.close();

  const file = options.file ?? SHARD_ENTRY;
  const manager = new ShardingManager(file, {
    totalShards: plan.totalShards,
    shardList: [...plan.shardList],
    mode: 'process',
    // A shard that dies at start-up would otherwise be respawned forever; switched on once all are up.
    respawn: false,
    execArgv: extname(file) === '.ts' ? tsxArgs() : [],
    token,
  });
  let stopping = false;

  manager.on('shardCreate', (shard: Shard) => {
    // The shard reads its settings from `env`; discord.js's variables name its shard and the total.
    shard.env = {
      ...options.env,
      SHARDING_MANAGER: 'true',
      SHARDING_MANAGER_MODE: 'process',
      SHARDS: String(shard.id),
      SHARD_COUNT: String(plan.totalShards),
      DISCORD_TOKEN: token,
    };
    const log = logger.child({ shard: shard.id });
    shard.on('ready', () => log.info('shard ready'));
    shard.on('death', () => {
      if (!stopping) log.warn({ respawn: manager.respawn }, 'shard process exited');
    });
    shard.on('message', (message: unknown) => {
      if (!isShardMessage(message)) return;
      if (message.type === 'griot:index-changed') {
        log.info({ documents: message.documents }, 'a shard reindexed; telling the other shards');
        for (const other of manager.shards.values()) {
          if (other.id !== shard.id && other.process) send(other, message, logger);
        }
      } else if (message.type === 'griot:index-reloaded') {
        log.info({ loaded: message.loaded, documents: message.documents }, 'shard serves the new index');
      }
    });
  });

  logger.info({ totalShards: plan.totalShards, shardList: plan.shardList, documents }, 'starting shards');
  let stopped: Promise<void> | null = null;
  const stop = (graceMs = 15_000) =>
    (stopped ??= (async () => {
      stopping = true;
      manager.respawn = false;
      await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard, graceMs, logger)));
      logger.info('all shards stopped');
    })());

  try {
    await manager.spawn({ amount: plan.totalShards, delay: options.spawnDelayMs ?? 5500, timeout: options.readyTimeoutMs ?? 60_000 });
  } catch (err) {
    await stop();
    throw err;
  }
  manager.respawn = true;
  logger.info({ shards: manager.shards.size }, 'all shards ready');
  return { manager, plan, stop };
}

/** Node flags that run a TypeScript shard script: tsx's loader, resolved here so any working directory will do. */
function tsxArgs(): string[] {
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

function send(shard: Shard, message: ShardMessage, logger: Logger): void {
  shard.send(message).catch((err: unknown) => logger.warn({ err, shard: shard.id }, 'could not reach a shard; it loads the saved index when it restarts'));
}

/** Asks one shard process to stop, then waits for it; killed if still there after `graceMs`. */
async function stopShard(shard: Shard, graceMs: number, logger: Logger): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  if (child.connected) child.send({ type: 'griot:shutdown' } satisfies ShardMessage);
  else child.kill('SIGTERM');
  const timer = setTimeout(() => {
    logger.warn({ shard: shard.id }, 'shard did not stop in time; killing it');
    child.kill('SIGKILL');
  }, graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
