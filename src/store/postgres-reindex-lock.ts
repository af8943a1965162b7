/**
 * One reindex at a time across hosts: a session-level advisory lock on a connection held for the
 * reindex (PostgreSQL releases it when that session dies, so a host killed mid-reindex never blocks
 * the next), and the history in `reindex_runs` (who runs it, for the one refused).
 */
import { hostname } from 'node:os';
import type pg from 'pg';

const LOCK = "hashtext(current_schema() || '.griot.reindex')";

/** Refused because another host (or process) is reindexing: the message says who and since when. */
export class ReindexHeldError extends Error {
  constructor(readonly holder: { readonly host: string; readonly pid: number; readonly since: Date } | undefined) {
    super(
      holder
        ? `A reindex is already running on ${holder.host} (process ${holder.pid}, since ${holder.since.toISOString().slice(11, 19)} UTC); wait for it to finish.`
        : 'A reindex is already running on another host; wait for it to finish.',
    );
    this.name = 'ReindexHeldError';
  }
}

/** Runs `fn` under the reindex lock, recording the run; ReindexHeldError when another holds it. */
export async function exclusiveReindex<T>(pool: pg.Pool, fn: () => Promise<T>, now: () => Date = () => new Date()): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const got = (await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK}) AS ok`)).rows[0]!.ok;
    if (!got) {
      const r = await client.query<{ host: string; pid: number; started_at: number }>(
        'SELECT host, pid, started_at FROM reindex_runs WHERE finished_at IS NULL ORDER BY started_at DESC LIMIT 1',
      );
      const row = r.rows[0];
      throw new ReindexHeldError(row ? { host: row.host, pid: row.pid, since: new Date(row.started_at) } : undefined);
    }
    try {
      // Runs left unfinished by a host that died: its lock went with its session.
      await client.query("UPDATE reindex_runs SET finished_at = $1, outcome = 'abandoned (the host stopped)' WHERE finished_at IS NULL", [now().getTime()]);
      const id = (await client.query<{ id: number }>('INSERT INTO reindex_runs (host, pid, started_at) VALUES ($1, $2, $3) RETURNING id', [hostname(), process.pid, now().getTime()]))
        .rows[0]!.id;
      let outcome = 'done';
      try {
        return await fn();
      } catch (err) {
        outcome = `failed: ${(err as Error).message}`.slice(0, 500);
        throw err;
      } finally {
        await client.query('UPDATE reindex_runs SET finished_at = $1, outcome = $2 WHERE id = $3', [now().getTime(), outcome, id]).catch((err: Error) => (broken = err));
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK})`).catch((err: Error) => (broken = err));
    }
  } finally {
    // A connection that failed to unlock is closed, which releases the lock.
    client.release(broken);
  }
}
