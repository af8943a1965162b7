/**
 * `npm run store -- copy --to postgres://…`: moves an install's SQLite store (DATA_DIR) into
 * PostgreSQL — the documents (corpus, other addresses, folder files, near-duplicate fingerprints),
 * the feeds with their poll state and seen entries, the answer log, votes, Discord state,
 * auto-answer settings and claimed posts, and the user-hash salt so that users' hashes keep
 * matching — then checks that every SQLite row is in PostgreSQL. Rows already there
 * are left as they are, so a second run changes nothing. Rate-limit counts (a minute's worth) are
 * not copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import { openPostgresStore } from './postgres.js';
import { REVISION_CHANNEL } from './postgres-documents.js';
import { inTransaction } from './postgres-pool.js';
import { STORE_FILE } from './sqlite.js';
import { SALT_FILE } from './user-hash.js';

/** How one table was copied. */
export interface CopiedTable {
  readonly table: string;
  /** Rows in the SQLite store. */
  readonly source: number;
  /** Rows inserted by this run (0 on a second run). */
  readonly inserted: number;
  /** Of the SQLite rows, how many PostgreSQL now holds (equal to `source` when the copy is whole). */
  readonly present: number;
}

export interface CopyReport {
  readonly tables: readonly CopiedTable[];
  /** What happened to the user-hash salt. */
  readonly salt: 'copied' | 'same' | 'kept-other' | 'none';
  /** True when every SQLite row is in PostgreSQL. */
  readonly complete: boolean;
}

/** One table's copy: its columns, key, and how a SQLite row becomes PostgreSQL parameters. */
interface TableSpec {
  readonly table: string;
  /** PostgreSQL array types of the columns, in order, for unnest(). */
  readonly columns: readonly (readonly [name: string, type: string])[];
  readonly key: readonly string[];
  readonly convert?: (row: Record<string, unknown>) => Record<string, unknown>;
  /** SQLite ORDER BY, when the order rows are inserted in matters (auto-answer forums keep theirs). */
  readonly order?: string;
}

const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === 1);

const TABLES: readonly TableSpec[] = [
  {
    table: 'answers',
    columns: [
      ['id', 'text'], ['at', 'bigint'], ['source', 'text'], ['question', 'text'], ['question_key', 'text'], ['lang', 'text'], ['mode', 'text'],
      ['fallback_reason', 'text'], ['refused', 'boolean'], ['cited', 'text'], ['latency_ms', 'integer'], ['user_hash', 'text'],
      ['guild_id', 'text'], ['channel_id', 'text'], ['message_id', 'text'], ['auto_forum_id', 'text'], ['auto_posted', 'boolean'], ['confidence', 'float8'],
    ],
    key: ['id'],
    convert: (r) => ({ ...r, refused: r.refused === 1, auto_posted: bool(r.auto_posted) }),
  },
  { table: 'votes', columns: [['answer_id', 'text'], ['user_hash', 'text'], ['vote', 'text'], ['at', 'bigint']], key: ['answer_id', 'user_hash'] },
  { table: 'discord_state', columns: [['kind', 'text'], ['key', 'text'], ['value', 'text'], ['at', 'bigint']], key: ['kind', 'key'] },
  {
    table: 'auto_answer_channels',
    columns: [['forum_id', 'text'], ['guild_id', 'text'], ['min_confidence', 'float8'], ['reply_when_unsure', 'boolean'], ['at', 'bigint']],
    key: ['forum_id'],
    convert: (r) => ({ ...r, reply_when_unsure: r.reply_when_unsure === 1 }),
    order: 'rowid',
  },
  { table: 'auto_answer_posts', columns: [['thread_id', 'text'], ['at', 'bigint']], key: ['thread_id'] },
];

/** Feeds keep their numbers (moderators remove them by number); PostgreSQL's next number follows the highest. */
const FEED_TABLES: readonly TableSpec[] = [
  {
    table: 'feeds',
    columns: [
      ['id', 'integer'], ['url', 'text'], ['title', 'text'], ['added_at', 'bigint'], ['added_by', 'text'], ['etag', 'text'], ['last_modified', 'text'],
      ['last_polled_at', 'bigint'], ['last_ok_at', 'bigint'], ['last_error', 'text'], ['failures', 'integer'], ['next_poll_at', 'bigint'], ['articles_added', 'integer'],
    ],
    key: ['id'],
  },
  {
    table: 'feed_entries',
    columns: [['feed_id', 'integer'], ['key', 'text'], ['url', 'text'], ['doc_id', 'text'], ['note', 'text'], ['at', 'bigint']],
    key: ['feed_id', 'key'],
  },
  { table: 'document_fingerprints', columns: [['doc_id', 'text'], ['content_hash', 'text'], ['fingerprint', 'bytea']], key: ['doc_id'] },
];

/** The corpus (when the SQLite store has documents): copied the same way, then the revision increased once. */
const DOCUMENT_TABLES: readonly TableSpec[] = [
  {
    table: 'documents',
    columns: [
      ['id', 'text'], ['source', 'text'], ['source_ref', 'text'], ['url', 'text'], ['title', 'text'], ['date_iso', 'text'], ['date_precision', 'text'],
      ['date_inferred', 'boolean'], ['site', 'text'], ['author', 'text'], ['lang', 'text'], ['text', 'text'], ['content_hash', 'text'],
      ['added_at', 'bigint'], ['updated_at', 'bigint'], ['revision', 'bigint'],
    ],
    key: ['id'],
    convert: (r) => ({ ...r, date_inferred: r.date_inferred === 1 }),
  },
  { table: 'document_urls', columns: [['url', 'text'], ['doc_id', 'text']], key: ['url'] },
  {
    table: 'folder_files',
    columns: [['path', 'text'], ['hash', 'text'], ['size', 'bigint'], ['mtime_ms', 'float8'], ['doc_id', 'text'], ['skip_reason', 'text'], ['excluded', 'boolean']],
    key: ['path'],
    convert: (r) => ({ ...r, excluded: r.excluded === 1 }),
  },
];

const BATCH = 1000;

/** Copies DATA_DIR's SQLite store into the PostgreSQL at `url` (migrating it first). */
export async function copySqliteToPostgres(options: { dataDir: string; url: string; retentionDays: number; logger?: Logger }): Promise<CopyReport> {
  const file = join(options.dataDir, STORE_FILE);
  if (!existsSync(file)) throw new Error(`there is no SQLite store to copy: ${file} does not exist (check DATA_DIR)`);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  // Retention 3650 days: the copy must not prune what it is about to compare.
  const target = await openPostgresStore({ url: options.url, retentionDays: Math.max(options.retentionDays, 3650), pruneEveryMs: 0, ...(options.logger ? { logger: options.logger } : {}) });
  try {
    const salt = await copySalt(options.dataDir, target.pool, sqlite);
    const tables: CopiedTable[] = [];
    // A store written by an older Griot may lack later tables and columns: what it has is copied.
    const has = (table: string) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    for (const spec of [...TABLES, ...DOCUMENT_TABLES, ...FEED_TABLES]) if (has(spec.table)) tables.push(await copyTable(sqlite, target.pool, spec));
    if (tables.some((t) => t.table === 'feeds' && t.inserted > 0)) {
      await target.pool.query("SELECT setval(pg_get_serial_sequence('feeds', 'id'), (SELECT max(id) FROM feeds))");
    }
    if (tables.some((t) => DOCUMENT_TABLES.some((d) => d.table === t.table) && t.inserted > 0)) {
      // Documents arrived: a new revision, so every host's index takes them in (and is told now).
      const revision = Math.max(await target.documents.revision(), sqlite.prepare('SELECT revision FROM store_state').pluck().get() as number) + 1;
      await target.pool.query('UPDATE store_state SET revision = $1 WHERE one = 1', [revision]);
      await target.pool.query('SELECT pg_notify($1, current_schema() || $2)', [REVISION_CHANNEL, `:${revision}`]);
    }
    return { tables, salt, complete: tables.every((t) => t.present === t.source) };
  } finally {
    sqlite.close();
    await target.close();
  }
}

/**
 * The SQLite install's salt goes with its rows, so user hashes keep matching: it replaces the
 * database's own when the database has no hashed rows yet; otherwise the database's stays (and
 * copied hashes no longer match those users' new ones).
 */
async function copySalt(dataDir: string, pool: pg.Pool, sqlite: Database.Database): Promise<CopyReport['salt']> {
  const saltFile = join(dataDir, SALT_FILE);
  if (!existsSync(saltFile)) return 'none';
  const salt = readFileSync(saltFile, 'utf8').trim();
  const hashed = (sqlite.prepare('SELECT (SELECT count(*) FROM answers WHERE user_hash IS NOT NULL) + (SELECT count(*) FROM votes)').pluck().get() as number) > 0;
  return inTransaction(pool, async (client) => {
    const current = (await client.query<{ value: string }>("SELECT value FROM settings WHERE name = 'user_hash_salt' FOR UPDATE")).rows[0]?.value;
    if (current === salt) return 'same';
    const used = (await client.query<{ n: number }>('SELECT (SELECT count(*) FROM answers WHERE user_hash IS NOT NULL) + (SELECT count(*) FROM votes) AS n')).rows[0]!.n > 0;
    if (used || !hashed) return used ? 'kept-other' : 'same';
    await client.query("INSERT INTO settings (name, value) VALUES ('user_hash_salt', $1) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", [salt]);
    return 'copied';
  });
}

async function copyTable(sqlite: Database.Database, pool: pg.Pool, full: TableSpec): Promise<CopiedTable> {
  const inSqlite = new Set((sqlite.prepare(`PRAGMA table_info(${full.table})`).all() as { name: string }[]).map((c) => c.name));
  const spec = { ...full, columns: full.columns.filter(([n]) => inSqlite.has(n)) };
  const names = spec.columns.map(([n]) => n);
  const source = sqlite.prepare(`SELECT count(*) FROM ${spec.table}`).pluck().get() as number;
  const insert = `INSERT INTO ${spec.table} (${names.join(', ')})
    SELECT * FROM unnest(${spec.columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})
    ON CONFLICT (${spec.key.join(', ')}) DO NOTHING`;
  const keyCols = spec.key.map((k) => spec.columns.find(([n]) => n === k)!);
  const present = `SELECT count(*) AS n FROM ${spec.table} t JOIN unnest(${keyCols.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')}) AS k(${spec.key.join(', ')})
    USING (${spec.key.join(', ')})`;
  let inserted = 0;
  let found = 0;
  const flush = async (rows: Record<string, unknown>[]) => {
    if (rows.length === 0) return;
    const converted = spec.convert ? rows.map(spec.convert) : rows;
    // unnest() over several arrays keeps their order, so forums keep the order they were turned on in.
    inserted += (await pool.query(insert, names.map((n) => converted.map((r) => r[n] ?? null)))).rowCount ?? 0;
    found += (await pool.query<{ n: number }>(present, spec.key.map((k) => converted.map((r) => r[k])))).rows[0]!.n;
  };
  let batch: Record<string, unknown>[] = [];
  for (const row of sqlite.prepare(`SELECT ${names.join(', ')} FROM ${spec.table}${spec.order ? ` ORDER BY ${spec.order}` : ''}`).iterate() as Iterable<Record<string, unknown>>) {
    batch.push(row);
    if (batch.length === BATCH) {
      await flush(batch);
      batch = [];
    }
  }
  await flush(batch);
  return { table: spec.table, source, inserted, present: found };
}
