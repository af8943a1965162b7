/**
 * What `npm run doctor` asks of DATABASE_URL, without changing anything: is the server reachable,
 * which schema version it holds, and whether LISTEN/NOTIFY reach this host (they do not through a
 * pooler in transaction mode, and hosts follow each other's changes by them).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isUnreachable, setupFix } from './postgres-errors.js';
import { PG_SCHEMA_VERSION, schemaVersion } from './postgres-schema.js';

export type PostgresProbe =
  | { readonly reachable: false; readonly reason: string; readonly fix: string }
  | {
      readonly reachable: true;
      readonly ms: number;
      readonly server: string;
      /** The schema version found (0: none yet) and the one this Griot knows. */
      readonly schemaVersion: number;
      readonly knownVersion: number;
      /** The documents' store id and revision; null before the documents' migration. */
      readonly documents: { readonly storeId: string; readonly revision: number; readonly count: number } | null;
      /** Milliseconds for a NOTIFY from a second connection to reach a LISTENing one; null when it never came. */
      readonly listenMs: number | null;
    };

/** Probes DATABASE_URL (each connection waits at most `timeoutMs`). */
export async function probePostgres(url: string, timeoutMs = 5000): Promise<PostgresProbe> {
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  const started = performance.now();
  let listener: pg.Client;
  try {
    listener = await connect();
  } catch (err) {
    return {
      reachable: false,
      reason: (err as Error).message || String((err as { code?: string }).code),
      fix: setupFix(err, url) ?? (isUnreachable(err) ? 'start PostgreSQL, or fix the host and port in DATABASE_URL' : 'check DATABASE_URL'),
    };
  }
  try {
    const server = (await listener.query<{ v: string }>('SELECT current_setting($$server_version$$) AS v')).rows[0]!.v;
    const ms = performance.now() - started;
    const version = await schemaVersion(listener);
    const documents =
      version >= 2
        ? (await listener.query<{ storeId: string; revision: number; count: number }>(
            'SELECT store_id AS "storeId", revision, (SELECT count(*) FROM documents) AS count FROM store_state WHERE one = 1',
          )).rows[0] ?? null
        : null;
    const channel = `griot_doctor_${randomBytes(4).toString('hex')}`;
    await listener.query(`LISTEN ${channel}`);
    const heard = new Promise<number | null>((resolve) => {
      const sent = performance.now();
      const timer = setTimeout(() => resolve(null), timeoutMs);
      listener.on('notification', (n) => {
        if (n.channel !== channel) return;
        clearTimeout(timer);
        resolve(performance.now() - sent);
      });
    });
    const sender = await connect();
    try {
      await sender.query(`NOTIFY ${channel}, 'doctor'`);
    } finally {
      await sender.end();
    }
    return { reachable: true, ms, server, schemaVersion: version, knownVersion: PG_SCHEMA_VERSION, documents, listenMs: await heard };
  } finally {
    await listener.end().catch(() => undefined);
  }
}
