/**
 * What only the PostgreSQL store does: migrations under a lock, refusing a newer schema, start-up
 * against a database that is down or set up wrongly, and outages (a TCP proxy cut between the
 * store and the server) during which no answer record or vote is lost.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createLogger } from '../../src/logger.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { PG_SCHEMA_VERSION } from '../../src/store/postgres-schema.js';
import { TEST_DATABASE_URL, testSchemas } from '../helpers/postgres.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { entry } from './helpers.js';

type LogLine = Record<string, any> & { msg: string; level: number };

describe.skipIf(!TEST_DATABASE_URL)('the PostgreSQL store', () => {
  const schemas = testSchemas();
  const open: PostgresStore[] = [];
  const proxies: TcpProxy[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    for (const p of proxies.splice(0)) await p.close();
  });
  afterAll(() => schemas.dropAll());

  const logged = () => {
    const lines: LogLine[] = [];
    return { lines, logger: createLogger({ level: 'debug' }, { write: (l: string) => void lines.push(JSON.parse(l)) }) };
  };
  const openIn = async (schema: string, o: Partial<Parameters<typeof openPostgresStore>[0]> = {}) => {
    const store = await openPostgresStore({ url: TEST_DATABASE_URL!, schema, retentionDays: 90, pruneEveryMs: 0, waitMs: 0, ...o });
    open.push(store);
    return store;
  };
  const query = async (schema: string, sql: string) => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };

  it('migrates a new schema once when several hosts start together, recording the version', async () => {
    const schema = await schemas.create();
    await Promise.all([openIn(schema), openIn(schema), openIn(schema)]);
    expect(await query(schema, 'SELECT version FROM griot_schema ORDER BY version')).toEqual(
      Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })),
    );
  });

  it('refuses to start against a schema newer than it knows, naming the version found', async () => {
    const schema = await schemas.create();
    await (await openIn(schema)).close();
    await query(schema, `INSERT INTO griot_schema (version, name) VALUES (${PG_SCHEMA_VERSION + 7}, 'from a newer Griot')`);
    await expect(openIn(schema)).rejects.toMatchObject({
      name: 'StoreSetupError',
      message: expect.stringMatching(new RegExp(`schema is version ${PG_SCHEMA_VERSION + 7}, newer than this Griot knows \\(${PG_SCHEMA_VERSION}\\).*Upgrade Griot`)),
    });
  });

  it('ends start-up with one line naming the fix for a missing database or an unknown user, without retrying', async () => {
    const missing = new URL(TEST_DATABASE_URL!);
    missing.pathname = '/griot_no_such_database';
    const { lines, logger } = logged();
    await expect(openPostgresStore({ url: missing.toString(), retentionDays: 90, logger })).rejects.toMatchObject({
      name: 'StoreSetupError',
      message: expect.stringMatching(/database "griot_no_such_database" does not exist .*create it \(createdb .*\) or fix DATABASE_URL/),
    });
    const stranger = new URL(TEST_DATABASE_URL!);
    stranger.username = 'griot_no_such_user';
    await expect(openPostgresStore({ url: stranger.toString(), retentionDays: 90, logger })).rejects.toMatchObject({
      name: 'StoreSetupError',
      message: expect.stringMatching(/does not let griot_no_such_user connect.*fix the user in DATABASE_URL/),
    });
    expect(lines.filter((l) => /waiting for PostgreSQL/.test(l.msg))).toEqual([]);
  });

  it('waits for an unreachable database at start, one log line per attempt, and starts once it answers', async () => {
    const schema = await schemas.create();
    const proxy = await startTcpProxy({ host: new URL(TEST_DATABASE_URL!).hostname, port: Number(new URL(TEST_DATABASE_URL!).port || 5432) });
    proxies.push(proxy);
    proxy.cut();
    const { lines, logger } = logged();
    const opening = openIn(schema, { url: viaProxy(TEST_DATABASE_URL!, proxy), waitMs: 60_000, logger });
    await until(() => lines.filter((l) => /waiting for PostgreSQL/.test(l.msg)).length >= 2);
    proxy.restore();
    const store = await opening;
    await store.answers.record(entry());
    const waits = lines.filter((l) => /waiting for PostgreSQL/.test(l.msg));
    expect(waits[0]).toMatchObject({ attempt: 1, msg: expect.stringContaining(`127.0.0.1:${proxy.port}`) });
    expect(waits[1]).toMatchObject({ attempt: 2 });
    expect(lines.some((l) => l.msg === 'PostgreSQL is reachable')).toBe(true);
  });

  it('gives up waiting after the wait, naming what it waited for', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    proxies.push(proxy);
    proxy.cut();
    await expect(openPostgresStore({ url: viaProxy(TEST_DATABASE_URL!, proxy), retentionDays: 90, waitMs: 1000 })).rejects.toMatchObject({
      name: 'StoreSetupError',
      message: expect.stringMatching(new RegExp(`PostgreSQL at .*127\\.0\\.0\\.1:${proxy.port}/.* could not be reached .*start it, or fix the host and port in DATABASE_URL`)),
    });
  });

  it('keeps every answer record and vote through an outage: held in memory while cut, written in order once restored', async () => {
    const schema = await schemas.create();
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(TEST_DATABASE_URL!).port || 5432) });
    proxies.push(proxy);
    const { lines, logger } = logged();
    const store = await openIn(schema, { url: viaProxy(TEST_DATABASE_URL!, proxy), retryEveryMs: 200, logger });
    const now = new Date();
    const before = entry({ at: now });
    await store.answers.record(before);
    await store.votes.record({ answerId: before.answerId, userId: 'u1', vote: 'up', at: now });

    proxy.cut();
    const during = Array.from({ length: 5 }, () => entry({ at: now }));
    for (const e of during) await store.answers.record(e);
    await store.votes.record({ answerId: during[0]!.answerId, userId: 'u2', vote: 'down', at: now });
    // A changed vote while cut: written after the first, so the latest wins.
    await store.votes.record({ answerId: before.answerId, userId: 'u1', vote: 'down', at: now });
    expect(store.pending()).toEqual({ queued: 7, dropped: 0 });
    await expect(store.answers.stats({ days: 1, now })).rejects.toThrow(/out of reach.*holds 7 records for it and dropped 0/);
    expect(lines.some((l) => /holding answer records and votes in memory/.test(l.msg))).toBe(true);

    proxy.restore();
    await until(() => store.pending().queued === 0);
    const s = await store.answers.stats({ days: 1, now });
    expect(s).toMatchObject({ questions: 6, votes: { up: 0, down: 2 } });
    expect(s.pending).toBeUndefined();
    expect(lines.some((l) => l.msg === 'the database is back: every held record is written')).toBe(true);
  });

  it('lets the next reindex run when the host holding the reindex lock is killed (kill -9), recording the run as abandoned', async () => {
    const schema = await schemas.create();
    const store = await openIn(schema);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/hold-reindex.ts', import.meta.url)), TEST_DATABASE_URL!, schema], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    await until(() => out.includes('holding'));
    await expect(store.exclusiveReindex!(async () => 'ran')).rejects.toThrow(new RegExp(`already running on .* \\(process ${child.pid},`));
    child.kill('SIGKILL');
    await exited;
    // PostgreSQL ends the dead session (and its lock) once it notices the closed socket.
    let result: string | undefined;
    await untilAsync(async () => {
      result = await store.exclusiveReindex!(async () => 'ran').catch(() => undefined);
      return result === 'ran';
    });
    expect(await query(schema, 'SELECT pid, outcome FROM reindex_runs ORDER BY id')).toEqual([
      { pid: child.pid, outcome: 'abandoned (the host stopped)' },
      { pid: process.pid, outcome: 'done' },
    ]);
  }, 90_000);

  it('drops what does not fit the bounded queue, counting it in the log and in /stats', async () => {
    const schema = await schemas.create();
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(TEST_DATABASE_URL!).port || 5432) });
    proxies.push(proxy);
    const { lines, logger } = logged();
    const store = await openIn(schema, { url: viaProxy(TEST_DATABASE_URL!, proxy), retryEveryMs: 200, maxQueued: 3, logger });
    proxy.cut();
    const now = new Date();
    for (let i = 0; i < 5; i++) await store.answers.record(entry({ at: now }));
    expect(store.pending()).toEqual({ queued: 3, dropped: 2 });
    expect(lines.filter((l) => /queue of unwritten records is full/.test(l.msg)).map((l) => l.dropped)).toEqual([1, 2]);
    proxy.restore();
    await until(() => store.pending().queued === 0);
    const s = await store.answers.stats({ days: 1, now });
    expect(s.questions).toBe(3);
    expect(s.pending).toEqual({ queued: 0, dropped: 2 });
  });
});

/** Polls async `f` every 200 ms until true (60 s at most). */
async function untilAsync(f: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Polls `f` every 50 ms until true (60 s at most: the machine may be loaded). */
async function until(f: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
