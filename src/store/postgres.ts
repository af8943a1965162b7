/**
 * The store on PostgreSQL (DATABASE_URL), shared by every host of one bot: the documents and their
 * revision, feeds, the answer log, votes, Discord state, auto-answer settings, rate limits and the user-hash salt live in the database, so whichever host
 * receives an interaction finds them. While the database is unreachable, answer records and votes
 * wait in memory (src/store/write-queue.ts).
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import { INSERT_ANSWER, answerRow, postgresStats } from './postgres-answers.js';
import { describeDatabase, isUnreachable, setupFix, StoreSetupError } from './postgres-errors.js';
import { createPool } from './postgres-pool.js';
import { migratePostgres, PG_RETAINED_TABLES } from './postgres-schema.js';
import { createPostgresAutoAnswer } from './postgres-auto-answer.js';
import { createPostgresDocuments } from './postgres-documents.js';
import { createPostgresFeeds } from './postgres-feeds.js';
import { exclusiveReindex } from './postgres-reindex-lock.js';
import { watchRevisions } from './postgres-revision.js';
import { createPostgresDiscordState, createPostgresRateLimits, recordVote } from './postgres-state.js';
import type { PruneReport, Store } from './types.js';
import { userHasher } from './user-hash.js';
import { createWriteQueue } from './write-queue.js';

const DAY_MS = 86_400_000;

export interface OpenPostgresOptions {
  /** DATABASE_URL. */
  readonly url: string;
  /** LOG_RETENTION_DAYS. */
  readonly retentionDays: number;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Schema to work in (search_path); default the database's. Tests use a schema of their own. */
  readonly schema?: string;
  /** How often retention runs after the pass at open (default hourly; 0: only at open). */
  readonly pruneEveryMs?: number;
  /** How long start-up waits for an unreachable database before giving up (default 2 minutes). */
  readonly waitMs?: number;
  /** Answer records and votes held during an outage (default 10,000). */
  readonly maxQueued?: number;
  /** How often held records are retried (default 2 s). */
  readonly retryEveryMs?: number;
  /** Connections of this host (default 10). */
  readonly poolSize?: number;
}

/** The store with its pool, for the tools that need more than the Store interface (doctor, copy, bench). */
export interface PostgresStore extends Store {
  readonly kind: 'postgres';
  readonly pool: pg.Pool;
  /** Writes what the outage queue holds now (tests, shutdown). */
  flush(): Promise<number>;
}

/**
 * Opens the PostgreSQL store: waits for the database with backoff (one log line per attempt),
 * applies migrations under the migration lock, and reads the install's salt. A wrong password,
 * a missing database or a schema newer than this Griot rejects with StoreSetupError, whose
 * message is the one line the operator needs.
 */
export async function openPostgresStore(options: OpenPostgresOptions): Promise<PostgresStore> {
  const now = options.now ?? (() => new Date());
  const log = options.logger;
  const where = describeDatabase(options.url);
  const pool = createPool({
    url: options.url,
    ...(options.schema ? { schema: options.schema } : {}),
    ...(options.poolSize ? { max: options.poolSize } : {}),
    onIdleError: (err) => log?.warn({ err: { message: err.message } }, 'lost a PostgreSQL connection; the pool opens a new one when needed'),
  });
  try {
    await waitForDatabase(pool, options.url, options.waitMs ?? 120_000, log);
    const applied = await migratePostgres(pool);
    if (applied.length > 0) log?.info({ database: where, versions: applied }, 'PostgreSQL schema migrated');
  } catch (err) {
    await pool.end().catch(() => undefined);
    const fix = setupFix(err, options.url);
    if (fix) throw new StoreSetupError(fix, { cause: err });
    throw err;
  }
  const hashUser = userHasher(await installSalt(pool));
  const queue = createWriteQueue({
    isOutage: isUnreachable,
    ...(options.maxQueued !== undefined ? { max: options.maxQueued } : {}),
    ...(options.retryEveryMs !== undefined ? { retryEveryMs: options.retryEveryMs } : {}),
    ...(log ? { logger: log } : {}),
  });

  let closed = false;
  const open = () => {
    if (closed) throw new Error('the store is not open');
  };
  const prune = async (at: Date = now()): Promise<PruneReport> => {
    open();
    const cutoff = at.getTime() - options.retentionDays * DAY_MS;
    const report: Record<string, number> = {};
    for (const table of PG_RETAINED_TABLES) report[table] = (await pool.query(`DELETE FROM ${table} WHERE at < $1`, [cutoff])).rowCount ?? 0;
    return report;
  };
  await prune().catch((err) => log?.warn({ err }, 'the retention pass failed; the next one retries'));
  const every = options.pruneEveryMs ?? 3_600_000;
  const timer = every > 0 ? setInterval(() => void prune().catch(() => undefined), every).unref() : undefined;
  const discord = createPostgresDiscordState(pool, () => now().getTime() - options.retentionDays * DAY_MS);
  const rateLimits = createPostgresRateLimits(pool);
  const documents = await createPostgresDocuments(pool, now);
  const feeds = createPostgresFeeds(pool);
  const autoAnswer = createPostgresAutoAnswer(pool);

  return {
    kind: 'postgres',
    pool,
    documents,
    feeds,
    autoAnswer,
    answers: {
      async record(entry) {
        open();
        const row = answerRow(entry, hashUser);
        await queue.write(`answer ${entry.answerId}`, async () => void (await pool.query(INSERT_ANSWER, row)));
      },
      async stats(query) {
        open();
        const pending = queue.pending();
        let stats;
        try {
          stats = await postgresStats(pool, query);
        } catch (err) {
          if (!isUnreachable(err)) throw err;
          throw new Error(
            `PostgreSQL at ${where} is out of reach (${(err as Error).message}); this host holds ${pending.queued} records for it and dropped ${pending.dropped}`,
            { cause: err },
          );
        }
        return pending.queued > 0 || pending.dropped > 0 ? { ...stats, pending } : stats;
      },
    },
    votes: {
      async record(v) {
        open();
        const user = hashUser(v.userId);
        const at = (v.at ?? new Date()).getTime();
        let previous: Awaited<ReturnType<typeof recordVote>>;
        // A queued vote is written later; what it replaces is unknown until then.
        await queue.write(`vote on ${v.answerId}`, async () => void (previous = await recordVote(pool, v.answerId, user, v.vote, at)));
        return previous ? { previous } : {};
      },
    },
    discord: {
      async put(kind, key, value, at) {
        open();
        await discord.put(kind, key, value, at);
      },
      async get(kind, key) {
        open();
        return discord.get(kind, key);
      },
    },
    rateLimits: {
      async take(key, limit, windowMs, at) {
        open();
        return rateLimits.take(key, limit, windowMs, at);
      },
    },
    pending: () => queue.pending(),
    flush: () => queue.flush(),
    followRevisions(onChange) {
      return watchRevisions({ url: options.url, ...(options.schema ? { schema: options.schema } : {}), ...(log ? { logger: log } : {}) }, () => onChange());
    },
    exclusiveReindex: (fn) => exclusiveReindex(pool, fn, now),
    hashUser,
    problems: [],
    prune,
    async close() {
      if (closed) return;
      // The last chance for records held during an outage.
      if (queue.pending().queued > 0) await queue.flush().catch(() => undefined);
      closed = true;
      queue.close();
      clearInterval(timer);
      await pool.end();
    },
  };
}

/**
 * Waits until the database answers, retrying with backoff (0.5 s doubling to 15 s) for `waitMs`,
 * one log line per attempt. A setting PostgreSQL refuses (password, database) is not retried.
 */
async function waitForDatabase(pool: pg.Pool, url: string, waitMs: number, log: Logger | undefined): Promise<void> {
  const where = describeDatabase(url);
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      if (attempt > 1) log?.info({ database: where, attempt }, 'PostgreSQL is reachable');
      return;
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      const delay = Math.min(15_000, 500 * 2 ** (attempt - 1));
      const waited = Date.now() - started;
      if (waited + delay > waitMs) {
        throw new StoreSetupError(
          `PostgreSQL at ${where} could not be reached for ${Math.round(waited / 1000)} s (${(err as Error).message || (err as { code?: string }).code}): start it, or fix the host and port in DATABASE_URL.`,
          { cause: err },
        );
      }
      log?.warn(
        { database: where, attempt, retryInMs: delay, reason: (err as Error).message || (err as { code?: string }).code },
        `waiting for PostgreSQL at ${where} (attempt ${attempt}); retrying in ${(delay / 1000).toFixed(1)} s`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** The install's user-hash salt, made once in the database so every host hashes a user alike. */
async function installSalt(pool: pg.Pool): Promise<string> {
  await pool.query("INSERT INTO settings (name, value) VALUES ('user_hash_salt', $1) ON CONFLICT (name) DO NOTHING", [randomBytes(32).toString('hex')]);
  const r = await pool.query<{ value: string }>("SELECT value FROM settings WHERE name = 'user_hash_salt'");
  return r.rows[0]!.value;
}
