/**
 * Following the store's revision across hosts: one connection per process LISTENs on
 * REVISION_CHANNEL and calls back when another host (or this one) changed the documents. A lost
 * connection is opened again with backoff, and the callback runs on reconnect too, since
 * notifications sent meanwhile were lost (and once at the first connect, for changes made while starting).
 */
import pg from 'pg';
import type { Logger } from '../logger.js';
import { REVISION_CHANNEL } from './postgres-documents.js';
import { describeDatabase } from './postgres-errors.js';

export interface RevisionWatch {
  stop(): Promise<void>;
}

/** LISTENs at `url` (in `schema`, default the URL's) and calls `onChange` for each new revision, and after each reconnect. */
export function watchRevisions(options: { url: string; schema?: string; logger?: Logger }, onChange: (revision: number | null) => void): RevisionWatch {
  const where = describeDatabase(options.url);
  let client: pg.Client | undefined;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5000, keepAlive: true, ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost || stopped) return;
      lost = true;
      client = undefined;
      c.end().catch(() => undefined);
      options.logger?.warn({ err: err ? { message: err.message } : undefined, database: where }, 'lost the connection that follows other hosts’ changes; reconnecting');
      retry();
    };
    c.on('error', onLost);
    c.on('end', () => onLost());
    try {
      await c.connect();
      const schema = (await c.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
      c.on('notification', (n) => {
        if (n.channel !== REVISION_CHANNEL || !n.payload) return;
        const at = n.payload.lastIndexOf(':');
        if (n.payload.slice(0, at) !== schema) return;
        onChange(Number(n.payload.slice(at + 1)));
      });
      await c.query(`LISTEN ${REVISION_CHANNEL}`);
      if (stopped) {
        await c.end();
        return;
      }
      client = c;
      if (attempt > 0) options.logger?.info({ database: where }, 'following other hosts’ changes again; catching up');
      attempt = 0;
      // Whatever changed before this LISTEN (while starting, or disconnected) was never notified here.
      onChange(null);
    } catch (err) {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
      if (!lost) {
        lost = true;
        options.logger?.warn({ err: { message: (err as Error).message }, database: where, attempt: attempt + 1 }, 'could not LISTEN for other hosts’ changes; retrying');
        retry();
      }
    }
  };

  const retry = () => {
    if (stopped) return;
    attempt++;
    timer = setTimeout(() => void connect(), Math.min(30_000, 500 * 2 ** (attempt - 1)));
    timer.unref();
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners('end');
        c.removeAllListeners('error');
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
