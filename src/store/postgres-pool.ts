/** The node-postgres pool: the only place pg is configured. */
import pg from 'pg';
import { isUnreachable } from './postgres-errors.js';

export interface PoolOptions {
  readonly url: string;
  /** Schema of every connection (search_path); default the database's (public). Tests use one of their own. */
  readonly schema?: string;
  /** Connections per host (default 10). */
  readonly max?: number;
  /** How long to wait for a connection before the database counts as unreachable (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** Called for errors on idle connections (the server went away); without a listener pg would crash the process. */
  readonly onIdleError?: (err: Error) => void;
}

/** BIGINT (count(*), epoch-ms columns) read as a JS number: every value Griot stores fits in 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** A pool for DATABASE_URL. */
export function createPool(options: PoolOptions): pg.Pool {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`not a schema name: ${options.schema}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // A statement that hangs on a dead network fails instead of holding an answer's record forever.
    query_timeout: 30_000,
    keepAlive: true,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  return pool;
}

/** Runs `fn` on one connection; a connection that broke is discarded rather than returned to the pool. */
export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const result = await fn(client);
    client.release();
    return result;
  } catch (err) {
    client.release(isUnreachable(err) ? (err as Error) : undefined);
    throw err;
  }
}

/** Runs `fn` in a transaction on one connection. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  return withClient(pool, async (client) => {
    await client.query(begin);
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}
