import { setTimeout as sleep } from 'node:timers/promises';
import { Events, MessageFlags, type Client, type Interaction } from 'discord.js';
import type { Config } from '../config.js';
import type { Engine } from '../engine.js';
import type { FeedService } from '../sources/feeds/service.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import { NO_MENTIONS } from './allowed-mentions.js';
import { createClient } from './client.js';
import { commands } from './commands/index.js';
import { components } from './components/index.js';
import { createContext } from './context.js';
import { createInteractionHandler } from './interaction-handler.js';
import { createForumHandler, isForumPost } from './forum-handler.js';
import { createMessageHandler } from './message-handler.js';
import { missingToken } from './setup-error.js';
import { DEFAULT_RETRY, GatewayClosedError, retryWhileUnreachable, type RetryPolicy } from './start-failure.js';

export { DiscordSetupError } from './setup-error.js';

/** A running bot. */
export interface Bot {
  readonly client: Client;
  /**
   * Graceful shutdown: stops taking new work (new interactions are told to retry), waits for
   * answers in flight up to `graceMs` (default 10 s), then destroys the client. Safe to call twice.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface StartBotOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly engine: Engine;
  /** The app's store: answers are logged and votes recorded there. */
  readonly store: Store;
  /** Minimum time between edits of a streaming answer (default 1250 ms). */
  readonly streamIntervalMs?: number;
  /** The feeds /feeds manages (the app's); absent: /feeds says they are not available. */
  readonly feeds?: FeedService;
  /** Run as one shard process of the ShardingManager: its shard ids come from the manager. */
  readonly shardsFromManager?: boolean;
  /** Backoff while Discord cannot be reached at start (default: 1 s doubling to 60 s, without end). */
  readonly retry?: RetryPolicy;
}

/**
 * Logs in, wires the interaction and mention handlers, and resolves once the client is ready
 * (guilds received). While Discord cannot be reached (refused, DNS, 5xx, a gateway close that
 * allows reconnecting) it tries again with backoff, one log line per attempt. Throws
 * DiscordSetupError, saying what to change, for what retrying cannot fix: DISCORD_TOKEN missing or
 * rejected, an intent the application may not use.
 */
export async function startBot(options: StartBotOptions): Promise<Bot> {
  const { config, logger, engine } = options;
  const token = config.discord.token;
  if (!token) throw missingToken();
  const ctx = createContext({
    engine,
    config: config.discord,
    store: options.store,
    retentionDays: config.logRetentionDays,
    corpus: { dir: config.corpusDir, maxBytes: config.maxDocumentBytes, fetch: config.fetch },
    logger,
    ...(options.feeds ? { feeds: options.feeds, feedPollMinutes: config.feedPollMinutes } : {}),
    ...(options.streamIntervalMs !== undefined ? { streamIntervalMs: options.streamIntervalMs } : {}),
  });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const onInteraction = createInteractionHandler(ctx, commands, components);
  const onMessage = config.discord.answerMentions ? createMessageHandler(ctx) : null;
  // Forum posts need the same intents as mentions (message content): on with ANSWER_MENTIONS.
  const onForumPost = config.discord.answerMentions ? createForumHandler(ctx) : null;

  /** A client with every handler attached (a fresh one per start attempt: a failed login leaves no state behind). */
  const wiredClient = (): Client => {
    const client = createClient(config.discord, { shardsFromManager: options.shardsFromManager ?? false });
    client.on(Events.InteractionCreate, (interaction) => {
      track(accepting ? onInteraction(interaction) : refuseWhileStopping(interaction));
    });
    if (onMessage && onForumPost) {
      client.on(Events.MessageCreate, (message) => {
        if (!accepting) return;
        // A post in a forum with auto-answer on is the forum handler's; any other message (a post elsewhere too) may be a mention.
        const forum = isForumPost(message) ? onForumPost(message) : Promise.resolve(false);
        track(forum.then((handled) => (handled ? undefined : onMessage(message))));
      });
    }
    client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
    client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
    client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: event.code, shardId }, 'gateway connection closed for good'));
    return client;
  };

  const client = await connectWithRetry(wiredClient, token, logger, options.retry ?? DEFAULT_RETRY);
  logger.info(
    { bot: client.user?.tag, guilds: client.guilds.cache.size, mentions: config.discord.answerMentions, commands: commands.length },
    'discord bot ready',
  );

  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 10_000) =>
    (stopping ??= (async () => {
      accepting = false;
      logger.info({ inFlight: inFlight.size }, 'discord bot stopping');
      const abort = new AbortController();
      await Promise.race([Promise.allSettled([...inFlight]), sleep(graceMs, undefined, { signal: abort.signal }).catch(() => undefined)]);
      abort.abort();
      if (inFlight.size > 0) logger.warn({ inFlight: inFlight.size }, 'stopped with answers still in flight');
      await client.destroy();
      logger.info('discord bot stopped');
    })());
  return { client, stop };
}

/**
 * Logs in with a new client until one is ready; waits between attempts as `policy` says. A shard
 * closed for good while starting ends the attempt like a failed login.
 */
function connectWithRetry(makeClient: () => Client, token: string, logger: Logger, policy: RetryPolicy): Promise<Client> {
  return retryWhileUnreachable(async () => {
    const client = makeClient();
    const ready = new Promise<void>((resolve, reject) => {
      client.once(Events.ClientReady, () => resolve());
      client.once(Events.ShardDisconnect, (event) => reject(new GatewayClosedError(event.code)));
    });
    try {
      // A shard closed for good may leave login() waiting: whichever settles first decides.
      await Promise.race([client.login(token).then(() => ready), ready]);
      return client;
    } catch (err) {
      await client.destroy();
      throw err;
    }
  }, logger, policy);
}

async function refuseWhileStopping(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  await interaction
    .reply({ content: 'Griot is restarting. Try again in a minute.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
    .catch(() => undefined);
}

/** Something that emits process signals (process itself; tests pass an EventEmitter). */
export interface SignalSource {
  once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

/**
 * On SIGINT or SIGTERM: runs `stop` (graceful shutdown), flushes the logger and calls `exit(0)`
 * (or `exit(1)` if stopping failed). main.ts passes `(code) => process.exit(code)`. Returns a
 * function that removes the handlers.
 */
export function installShutdown(
  stop: () => Promise<void>,
  logger: Logger,
  exit: (code: number) => void,
  signals: SignalSource = process,
): () => void {
  const handler = (signal: 'SIGINT' | 'SIGTERM') => () => {
    uninstall();
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => {
        logger.flush();
        exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        logger.flush();
        exit(1);
      },
    );
  };
  const onInt = handler('SIGINT');
  const onTerm = handler('SIGTERM');
  const uninstall = () => {
    signals.off('SIGINT', onInt);
    signals.off('SIGTERM', onTerm);
  };
  signals.once('SIGINT', onInt);
  signals.once('SIGTERM', onTerm);
  return uninstall;
}
