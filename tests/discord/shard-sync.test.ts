import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import { planShards } from '../../src/discord/sharding.js';
import { announcingReindex, followManager, type ManagerChannel, type ShardMessage } from '../../src/discord/shard-sync.js';
import type { ReindexReport } from '../../src/types.js';

const logger = createLogger({ level: 'silent' });

/** A channel whose messages from the manager the test delivers by hand. */
function fakeChannel() {
  const sent: ShardMessage[] = [];
  const listeners: Array<(m: unknown) => void> = [];
  const disconnects: Array<() => void> = [];
  const channel: ManagerChannel = {
    send: (m) => void sent.push(m),
    onMessage: (l) => void listeners.push(l),
    onDisconnect: (l) => void disconnects.push(l),
  };
  return { channel, sent, deliver: (m: unknown) => listeners.forEach((l) => l(m)), disconnect: () => disconnects.forEach((l) => l()) };
}

const report = (documents: number) => ({ documents }) as ReindexReport;

/** An engine whose reindex and reloadSaved the test controls; documents() counts `docs`. */
function stubEngine(options: { reindex?: () => Promise<ReindexReport>; reloaded?: boolean; docs?: number } = {}) {
  let docs = options.docs ?? 5;
  const engine = {
    reindex: options.reindex ?? (async () => report(docs)),
    reloadSaved: async () => {
      if (options.reloaded) docs = 6;
      return options.reloaded ?? false;
    },
    documents: () => Array.from({ length: docs }),
  } as unknown as Engine;
  return engine;
}

describe('announcingReindex', () => {
  it('tells the manager once the reindex finished, with the shard ids and the document count', async () => {
    const { channel, sent } = fakeChannel();
    const engine = announcingReindex(stubEngine({ docs: 7 }), channel, () => [3], logger);
    expect((await engine.reindex()).documents).toBe(7);
    expect(sent).toEqual([{ type: 'griot:index-changed', from: [3], documents: 7 }]);
  });

  it('says nothing when the reindex failed, and passes the error on', async () => {
    const { channel, sent } = fakeChannel();
    const engine = announcingReindex(stubEngine({ reindex: async () => Promise.reject(new Error('disk full')) }), channel, () => [0], logger);
    await expect(engine.reindex()).rejects.toThrow('disk full');
    expect(sent).toEqual([]);
  });
});

describe('followManager', () => {
  it('loads the saved index when another shard changed it, and reports what it serves', async () => {
    const { channel, sent, deliver } = fakeChannel();
    followManager({ channel, engine: stubEngine({ reloaded: true }), shardIds: () => [1], logger, onShutdown: () => undefined });
    deliver({ type: 'griot:index-changed', from: [0], documents: 6 });
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual([{ type: 'griot:index-reloaded', shards: [1], loaded: true, documents: 6 }]);
  });

  it('stops on the manager’s shutdown message or when the manager goes away; ignores discord.js’s own messages', () => {
    const { channel, deliver, disconnect, sent } = fakeChannel();
    let stops = 0;
    followManager({ channel, engine: stubEngine(), shardIds: () => [0], logger, onShutdown: () => void stops++ });
    deliver({ _sEval: '(c) => c.ws.ping', _sEvalShard: 0 });
    deliver('hello');
    expect(stops).toBe(0);
    deliver({ type: 'griot:shutdown' });
    disconnect();
    expect(stops).toBe(2);
    expect(sent).toEqual([]);
  });
});

describe('planShards', () => {
  const never = async () => {
    throw new Error('asked Discord although the count was given');
  };

  it('asks Discord only for SHARD_COUNT=auto, and runs all the shards by default', async () => {
    expect(await planShards({ shardCount: 'auto', shardList: undefined, totalShards: undefined }, async () => 3)).toEqual({ totalShards: 3, shardList: [0, 1, 2] });
    expect(await planShards({ shardCount: 2, shardList: undefined, totalShards: undefined }, never)).toEqual({ totalShards: 2, shardList: [0, 1] });
  });

  it('runs this host’s SHARD_LIST out of TOTAL_SHARDS, which wins over SHARD_COUNT', async () => {
    expect(await planShards({ shardCount: 'auto', shardList: [2, 3], totalShards: 4 }, never)).toEqual({ totalShards: 4, shardList: [2, 3] });
  });

  it('refuses a SHARD_LIST beyond the recommended count, naming both settings', async () => {
    await expect(planShards({ shardCount: 'auto', shardList: [4], totalShards: undefined }, async () => 2)).rejects.toThrow(/SHARD_LIST names shard 4, but there are only 2 shards.*TOTAL_SHARDS/);
  });
});
