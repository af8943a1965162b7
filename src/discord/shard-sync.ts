/**
 * Keeping the shards of `npm run start:sharded` in step: the messages a shard process and the
 * ShardingManager exchange over the IPC channel, and the shard's side of them. A shard that
 * reindexed says so; the manager tells the other shards, which load the saved index; the manager
 * asks a shard to stop. Each shard also watches the index file, which is what reaches shards on
 * other hosts (with a shared DATA_DIR).
 */
import type { Engine } from '../engine.js';
import type { Logger } from '../logger.js';

/** A shard reindexed and saved the index (shard → manager, then manager → the other shards). */
export interface IndexChanged {
  readonly type: 'griot:index-changed';
  /** The shard ids of the process that reindexed. */
  readonly from: readonly number[];
  readonly documents: number;
}

/** A shard told of a new index now serves it (shard → manager). */
export interface IndexReloaded {
  readonly type: 'griot:index-reloaded';
  readonly shards: readonly number[];
  /** False when it already served that index (its file watcher was quicker) or a reindex of its own runs. */
  readonly loaded: boolean;
  readonly documents: number;
}

/** Stop gracefully, as on SIGTERM (manager → shard). */
export interface Shutdown {
  readonly type: 'griot:shutdown';
}

/** Every message Griot sends between the manager and its shards. */
export type ShardMessage = IndexChanged | IndexReloaded | Shutdown;

const TYPES: ReadonlySet<string> = new Set(['griot:index-changed', 'griot:index-reloaded', 'griot:shutdown']);

/** True for one of Griot's messages (discord.js sends its own over the same channel). */
export function isShardMessage(message: unknown): message is ShardMessage {
  return typeof message === 'object' && message !== null && TYPES.has((message as { type?: unknown }).type as string);
}

/** The shard process's end of the IPC channel (process.send / process.on('message') in shard-entry). */
export interface ManagerChannel {
  send(message: ShardMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The manager went away (the channel closed). */
  onDisconnect?(listener: () => void): void;
}

/**
 * The engine, with reindex telling the manager once the new index is saved (engine.reindex
 * resolves after the save), so the other shards can load it.
 */
export function announcingReindex(engine: Engine, channel: ManagerChannel, shardIds: () => readonly number[], logger: Logger): Engine {
  return {
    ...engine,
    async reindex() {
      const report = await engine.reindex();
      try {
        channel.send({ type: 'griot:index-changed', from: shardIds(), documents: report.documents });
      } catch (err) {
        logger.warn({ err }, 'could not tell the other shards about the new index; they pick it up from the index file');
      }
      return report;
    },
  };
}

/**
 * Handles the manager's messages in a shard process: a new index → load it and report back;
 * shutdown → `onShutdown` (the same graceful stop as SIGTERM).
 */
export function followManager(options: {
  channel: ManagerChannel;
  engine: Engine;
  shardIds: () => readonly number[];
  logger: Logger;
  onShutdown: () => void;
}): void {
  const { channel, engine, logger } = options;
  // Without the manager nobody would stop or respawn this shard: stop with it.
  channel.onDisconnect?.(() => {
    logger.warn('the sharding manager went away; stopping this shard');
    options.onShutdown();
  });
  channel.onMessage((message) => {
    if (!isShardMessage(message)) return;
    if (message.type === 'griot:shutdown') {
      options.onShutdown();
      return;
    }
    if (message.type !== 'griot:index-changed') return;
    void engine.reloadSaved().then((loaded) => {
      const documents = engine.documents().length;
      logger.info({ from: message.from, loaded, documents }, loaded ? 'serving the index another shard saved' : 'already serving the index another shard saved');
      try {
        channel.send({ type: 'griot:index-reloaded', shards: options.shardIds(), loaded, documents });
      } catch (err) {
        logger.debug({ err }, 'could not report the reload to the manager');
      }
    });
  });
}
