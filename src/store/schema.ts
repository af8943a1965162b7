/**
 * The SQLite schema, as named migrations applied once each in order (recorded in
 * `schema_migrations`). Each part of the store adds its own migrations and lists its tables in
 * RETAINED_TABLES; never edit an applied migration, add a new one. Tables are ordinary rowid
 * tables (no WITHOUT ROWID): salvage of a damaged file walks them by rowid.
 */

export interface Migration {
  /** Unique, e.g. "answers-1": the part's name, then its number. */
  readonly name: string;
  readonly sql: string;
}

/** A table whose rows expire after LOG_RETENTION_DAYS, by a column of epoch milliseconds. */
export interface RetainedTable {
  readonly table: string;
  readonly timeColumn: string;
}

const ANSWER_LOG: readonly Migration[] = [
  {
    name: 'answers-1',
    sql: `
      CREATE TABLE answers (
        id TEXT NOT NULL UNIQUE,
        at INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('discord', 'cli')),
        question TEXT NOT NULL,
        question_key TEXT NOT NULL,
        lang TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('llm', 'extractive', 'fallback')),
        fallback_reason TEXT,
        refused INTEGER NOT NULL CHECK (refused IN (0, 1)),
        cited TEXT NOT NULL,
        latency_ms INTEGER NOT NULL,
        user_hash TEXT,
        guild_id TEXT,
        channel_id TEXT,
        message_id TEXT
      );
      CREATE INDEX answers_at ON answers (at);
    `,
  },
  {
    // Covering indexes: the /stats figures read only index pages (100,000 records: 610 → see docs/design.md).
    name: 'answers-2',
    sql: `
      DROP INDEX answers_at;
      CREATE INDEX answers_window ON answers (at, refused, lang, mode, source, latency_ms);
      CREATE INDEX answers_refused ON answers (question_key, at) WHERE refused = 1;
    `,
  },
  {
    // Indexes in the order /stats reads: groups without a sort, percentiles by walking latencies in
    // order (100,000 records, load 17 on 2 cores: 600 → see docs/design.md).
    name: 'answers-3',
    sql: `
      DROP INDEX answers_window;
      CREATE INDEX answers_at ON answers (at);
      CREATE INDEX answers_facets ON answers (lang, mode, source, refused, at);
      CREATE INDEX answers_latency ON answers (latency_ms, at);
    `,
  },
  {
    // Per day, answered and refused apart (the /stats chart): the day counts still read only index pages.
    name: 'answers-4',
    sql: `
      DROP INDEX answers_at;
      CREATE INDEX answers_at ON answers (at, refused);
    `,
  },
];

const VOTES: readonly Migration[] = [
  {
    name: 'votes-1',
    sql: `
      CREATE TABLE votes (
        answer_id TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        at INTEGER NOT NULL,
        UNIQUE (answer_id, user_hash)
      );
      CREATE INDEX votes_at ON votes (at);
    `,
  },
];

const DISCORD_STATE: readonly Migration[] = [
  {
    name: 'discord-1',
    sql: `
      CREATE TABLE discord_state (
        kind TEXT NOT NULL CHECK (kind IN ('answer', 'view', 'conversation')),
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        at INTEGER NOT NULL,
        UNIQUE (kind, key)
      );
      CREATE INDEX discord_state_at ON discord_state (at);
    `,
  },
];

const RATE_LIMITS: readonly Migration[] = [
  {
    // One row per counted request; a take() removes its key's rows older than the window.
    name: 'rate-limits-1',
    sql: `
      CREATE TABLE rate_events (
        key TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX rate_events_key ON rate_events (key, at);
      CREATE INDEX rate_events_at ON rate_events (at);
    `,
  },
];

const DOCUMENTS: readonly Migration[] = [
  {
    // The corpus: documents of every source, their other addresses, the folder files the last sync
    // saw, and the revision every change increases (store_state holds one row).
    name: 'documents-1',
    sql: `
      CREATE TABLE documents (
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL CHECK (source IN ('folder', 'upload', 'url', 'feed')),
        source_ref TEXT NOT NULL,
        url TEXT,
        title TEXT,
        date_iso TEXT,
        date_precision TEXT CHECK (date_precision IN ('year', 'month', 'day')),
        date_inferred INTEGER NOT NULL DEFAULT 0,
        site TEXT,
        author TEXT,
        lang TEXT,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        added_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        revision INTEGER NOT NULL
      );
      CREATE INDEX documents_url ON documents (url) WHERE url IS NOT NULL;
      CREATE INDEX documents_hash ON documents (content_hash);
      CREATE TABLE document_urls (
        url TEXT NOT NULL UNIQUE,
        doc_id TEXT NOT NULL
      );
      CREATE INDEX document_urls_doc ON document_urls (doc_id);
      CREATE TABLE folder_files (
        path TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        size INTEGER,
        mtime_ms REAL,
        doc_id TEXT,
        skip_reason TEXT,
        excluded INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE store_state (
        one INTEGER NOT NULL UNIQUE CHECK (one = 1),
        store_id TEXT NOT NULL,
        revision INTEGER NOT NULL
      );
      INSERT INTO store_state (one, store_id, revision) VALUES (1, lower(hex(randomblob(8))), 0);
    `,
  },
];

const FEEDS: readonly Migration[] = [
  {
    // Feeds and their poll state, the entries each has handled (by guid/id, else link), and the
    // near-duplicate fingerprints of stored documents (valid while their content hash is the same).
    name: 'feeds-1',
    sql: `
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        added_at INTEGER NOT NULL,
        added_by TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_polled_at INTEGER,
        last_ok_at INTEGER,
        last_error TEXT,
        failures INTEGER NOT NULL,
        next_poll_at INTEGER NOT NULL,
        articles_added INTEGER NOT NULL
      );
      CREATE TABLE feed_entries (
        feed_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        url TEXT,
        doc_id TEXT,
        note TEXT,
        at INTEGER NOT NULL,
        UNIQUE (feed_id, key)
      );
      CREATE TABLE document_fingerprints (
        doc_id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        fingerprint BLOB NOT NULL
      );
      CREATE INDEX documents_added ON documents (added_at, source);
    `,
  },
];

const AUTO_ANSWER: readonly Migration[] = [
  {
    // Forum channels where new posts are answered (kept until turned off: not a retained table),
    // posts already taken up (retained), and each auto-answer decision on its answer record.
    name: 'auto-answer-1',
    sql: `
      CREATE TABLE auto_answer_channels (
        forum_id TEXT NOT NULL UNIQUE,
        guild_id TEXT NOT NULL,
        min_confidence REAL NOT NULL CHECK (min_confidence >= 0 AND min_confidence <= 1),
        reply_when_unsure INTEGER NOT NULL CHECK (reply_when_unsure IN (0, 1)),
        at INTEGER NOT NULL
      );
      CREATE TABLE auto_answer_posts (
        thread_id TEXT NOT NULL UNIQUE,
        at INTEGER NOT NULL
      );
      CREATE INDEX auto_answer_posts_at ON auto_answer_posts (at);
      ALTER TABLE answers ADD COLUMN auto_forum_id TEXT;
      ALTER TABLE answers ADD COLUMN auto_posted INTEGER CHECK (auto_posted IN (0, 1));
      ALTER TABLE answers ADD COLUMN confidence REAL;
      CREATE INDEX answers_auto ON answers (auto_forum_id, at, auto_posted) WHERE auto_forum_id IS NOT NULL;
    `,
  },
];

/** Every migration, in the order they apply. */
export const MIGRATIONS: readonly Migration[] = [...ANSWER_LOG, ...VOTES, ...DISCORD_STATE, ...DOCUMENTS, ...FEEDS, ...AUTO_ANSWER, ...RATE_LIMITS];

/** Tables copied from a damaged file besides the retained ones (they are never pruned). */
export const KEPT_TABLES: readonly string[] = ['documents', 'document_urls', 'folder_files', 'feeds', 'feed_entries'];

/** Tables pruned by LOG_RETENTION_DAYS (and copied when a damaged file is salvaged). */
export const RETAINED_TABLES: readonly RetainedTable[] = [
  { table: 'answers', timeColumn: 'at' },
  { table: 'votes', timeColumn: 'at' },
  { table: 'discord_state', timeColumn: 'at' },
  { table: 'auto_answer_posts', timeColumn: 'at' },
  { table: 'rate_events', timeColumn: 'at' },
];
