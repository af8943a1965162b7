/**
 * The PostgreSQL schema as numbered migrations, applied at start by one host at a time (an advisory
 * lock, which PostgreSQL releases if the host dies mid-way). The version applied is the highest
 * number in `griot_schema`; a host that finds a higher one than it knows refuses to start. Never
 * edit an applied migration: add the next number.
 */
import type pg from 'pg';
import { StoreSetupError } from './postgres-errors.js';

export interface PgMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'answer log, votes, Discord state, rate limits, settings',
    // Times are epoch milliseconds (BIGINT), as in the SQLite store, so records copy across unchanged.
    sql: `
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('discord', 'cli')),
        question TEXT NOT NULL,
        question_key TEXT NOT NULL,
        lang TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('llm', 'extractive', 'fallback')),
        fallback_reason TEXT,
        refused BOOLEAN NOT NULL,
        cited TEXT NOT NULL,
        latency_ms INTEGER NOT NULL,
        user_hash TEXT,
        guild_id TEXT,
        channel_id TEXT,
        message_id TEXT
      );
      -- The /stats window is read from this index alone (an index-only scan).
      CREATE INDEX answers_at ON answers (at) INCLUDE (lang, mode, source, refused, latency_ms);
      CREATE INDEX answers_refused ON answers (question_key, at) WHERE refused;
      CREATE TABLE votes (
        answer_id TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        at BIGINT NOT NULL,
        PRIMARY KEY (answer_id, user_hash)
      );
      CREATE INDEX votes_at ON votes (at);
      CREATE TABLE discord_state (
        kind TEXT NOT NULL CHECK (kind IN ('answer', 'view', 'conversation')),
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        at BIGINT NOT NULL,
        PRIMARY KEY (kind, key)
      );
      CREATE INDEX discord_state_at ON discord_state (at);
      CREATE TABLE rate_events (
        key TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX rate_events_key ON rate_events (key, at);
      CREATE INDEX rate_events_at ON rate_events (at);
      -- Install-wide values every host must agree on (the user-hash salt).
      CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'documents and the revision',
    // As the SQLite store's documents-1: the corpus of every source, other addresses, the folder
    // files the last sync saw, and the revision every change increases (store_state: one row).
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('folder', 'upload', 'url', 'feed')),
        source_ref TEXT NOT NULL,
        url TEXT,
        title TEXT,
        date_iso TEXT,
        date_precision TEXT CHECK (date_precision IN ('year', 'month', 'day')),
        date_inferred BOOLEAN NOT NULL DEFAULT false,
        site TEXT,
        author TEXT,
        lang TEXT,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        added_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        revision BIGINT NOT NULL
      );
      CREATE INDEX documents_url ON documents (url) WHERE url IS NOT NULL;
      CREATE INDEX documents_hash ON documents (content_hash);
      CREATE TABLE document_urls (
        url TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL
      );
      CREATE INDEX document_urls_doc ON document_urls (doc_id);
      CREATE TABLE folder_files (
        path TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        size BIGINT,
        mtime_ms DOUBLE PRECISION,
        doc_id TEXT,
        skip_reason TEXT,
        excluded BOOLEAN NOT NULL DEFAULT false
      );
      CREATE TABLE store_state (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        store_id TEXT NOT NULL,
        revision BIGINT NOT NULL
      );
      INSERT INTO store_state (one, store_id, revision) VALUES (1, md5(random()::text || clock_timestamp()::text), 0);
    `,
  },
  {
    version: 3,
    name: 'reindex history',
    // One row per reindex across hosts: who ran it, when, how it ended (the running one is unfinished).
    sql: `
      CREATE TABLE reindex_runs (
        id BIGSERIAL PRIMARY KEY,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at BIGINT NOT NULL,
        finished_at BIGINT,
        outcome TEXT
      );
      CREATE INDEX reindex_runs_started ON reindex_runs (started_at);
    `,
  },
  {
    version: 4,
    name: 'feeds and auto-answer',
    // As the SQLite store's feeds-1 and auto-answer-1. Feeds keep no lease column: the host polling a
    // feed holds an advisory lock on it (postgres-feeds.ts), which dies with its session.
    sql: `
      CREATE TABLE feeds (
        id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        added_at BIGINT NOT NULL,
        added_by TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_polled_at BIGINT,
        last_ok_at BIGINT,
        last_error TEXT,
        failures INTEGER NOT NULL,
        next_poll_at BIGINT NOT NULL,
        articles_added INTEGER NOT NULL
      );
      CREATE TABLE feed_entries (
        feed_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        url TEXT,
        doc_id TEXT,
        note TEXT,
        at BIGINT NOT NULL,
        PRIMARY KEY (feed_id, key)
      );
      CREATE TABLE document_fingerprints (
        doc_id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        fingerprint BYTEA NOT NULL
      );
      CREATE INDEX documents_added ON documents (added_at, source);
      -- seq keeps the order forums were turned on (SQLite's rowid); a changed setting keeps its place.
      CREATE TABLE auto_answer_channels (
        forum_id TEXT PRIMARY KEY,
        guild_id TEXT NOT NULL,
        min_confidence DOUBLE PRECISION NOT NULL CHECK (min_confidence >= 0 AND min_confidence <= 1),
        reply_when_unsure BOOLEAN NOT NULL,
        at BIGINT NOT NULL,
        seq BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX auto_answer_channels_guild ON auto_answer_channels (guild_id, seq);
      CREATE TABLE auto_answer_posts (
        thread_id TEXT PRIMARY KEY,
        at BIGINT NOT NULL
      );
      CREATE INDEX auto_answer_posts_at ON auto_answer_posts (at);
      ALTER TABLE answers ADD COLUMN auto_forum_id TEXT, ADD COLUMN auto_posted BOOLEAN, ADD COLUMN confidence DOUBLE PRECISION;
      CREATE INDEX answers_auto ON answers (auto_forum_id, at) INCLUDE (auto_posted) WHERE auto_forum_id IS NOT NULL;
    `,
  },
];

/** The newest schema version this Griot knows. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;

/** Tables pruned by LOG_RETENTION_DAYS, by their `at` column. */
export const PG_RETAINED_TABLES = ['answers', 'votes', 'discord_state', 'auto_answer_posts', 'rate_events'] as const;

/** The advisory lock key of migrations in the current schema (each schema migrates on its own). */
const LOCK = "hashtext(current_schema() || '.griot.migrate')";

/** The schema version found in the database: 0 before the first migration. */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('griot_schema')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM griot_schema');
  return r.rows[0]?.v ?? 0;
}

/** The refusal of a schema newer than this Griot: names the version found. */
export function tooNew(found: number): StoreSetupError {
  return new StoreSetupError(
    `The database's schema is version ${found}, newer than this Griot knows (${PG_SCHEMA_VERSION}): another host runs a newer Griot. Upgrade Griot on this host before starting it.`,
  );
}

/**
 * Brings the schema to PG_SCHEMA_VERSION under the migration lock, each migration in its own
 * transaction; returns the versions applied. Throws StoreSetupError for a newer schema.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK})`);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS griot_schema (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      const found = await schemaVersion(client);
      if (found > PG_SCHEMA_VERSION) throw tooNew(found);
      const applied: number[] = [];
      for (const m of PG_MIGRATIONS) {
        if (m.version <= found) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO griot_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK})`).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
