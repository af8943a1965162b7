/**
 * The store as one SQLite file in DATA_DIR (better-sqlite3, WAL journal). Why SQLite: see
 * docs/design.md, "The store". This is the only module that opens the database.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { shorten } from '../format.js';
import { diskIsFull, fsProblem, sqliteProblem } from '../fs-problem.js';
import { moveAside, salvageInto } from './salvage.js';
import { KEPT_TABLES, MIGRATIONS, RETAINED_TABLES } from './schema.js';
import { createSqliteAnswerLog } from './sqlite-answers.js';
import { createSqliteAutoAnswer } from './sqlite-auto-answer.js';
import { createSqliteDiscordState } from './sqlite-discord.js';
import { createSqliteRateLimits } from './sqlite-rate-limits.js';
import { createSqliteDocuments } from './sqlite-documents.js';
import { createSqliteFeeds } from './sqlite-feeds.js';
import { createSqliteVotes } from './sqlite-votes.js';
import type { DocumentStore, PruneReport, Store, StoreProblem } from './types.js';
import { loadOrCreateSalt, userHasher } from './user-hash.js';

/** The database file in DATA_DIR. */
export const STORE_FILE = 'griot.sqlite';

const DAY_MS = 86_400_000;

export interface OpenStoreOptions {
  readonly dataDir: string;
  /** LOG_RETENTION_DAYS: records older than this are removed. */
  readonly retentionDays: number;
  readonly now?: () => Date;
  /** How often retention runs after the first pass at open (default hourly; 0: only at open). */
  readonly pruneEveryMs?: number;
  /** Caps the file at this many pages of 4 KiB, as a full disk would (tests of the full-disk path). */
  readonly maxPages?: number;
  /**
   * 'full' (default): each commit is synced to disk, so it survives a power cut as well as kill -9.
   * 'normal': survives kill -9 but a power cut may lose the last commits (the store bench fills with it).
   */
  readonly synchronous?: 'full' | 'normal';
  /**
   * Run SQLite's quick check at open (default true): it reads every page, about 160 ms at 100,000
   * records, so one-shot commands (`npm run ask`) skip it and long-running ones (the bot, stats) run it.
   * Without it, damage shows as a failed write (a warning) until the next checked open repairs it.
   */
  readonly check?: boolean;
}

/** Error codes by which SQLite says the file is not a sound database. */
const DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;

/** True when `err` says the database file is damaged (not, say, busy or out of space). */
export function isDamage(err: unknown): boolean {
  return DAMAGE.test(String((err as { code?: unknown })?.code ?? ''));
}

/**
 * Opens (creating and migrating) DATA_DIR/griot.sqlite. A damaged file is reported in
 * `problems`, moved aside, and what could be read of it copied into a fresh one. Other failures
 * (no space, no permission) reject, naming the file.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const problems: StoreProblem[] = [];
  const file = join(options.dataDir, STORE_FILE);
  let hashUser: (userId: string) => string;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    hashUser = userHasher(loadOrCreateSalt(options.dataDir, problems));
  } catch (err) {
    throw new Error(`could not open the store ${file}: ${fsProblem(err)}`, { cause: err });
  }

  let db: Database.Database;
  try {
    db = openSound(file, options.synchronous ?? 'full', options.check ?? true);
  } catch (err) {
    if (!isDamage(err) && diskIsFull(options.dataDir) && existsSync(file)) {
      // WAL's shared-memory file cannot grow on a full disk; in exclusive locking mode SQLite keeps that
      // index in memory, so the records still read (npm run stats) while writes say "no space left".
      db = openSound(file, options.synchronous ?? 'full', false, true);
      problems.push({ message: `no space left on the disk holding ${file}: the store reads, but nothing new is logged until space is freed` });
    } else if (!isDamage(err)) {
      throw new Error(`could not open the store ${file}: ${sqliteProblem(err, options.dataDir)}`, { cause: err });
    } else {
      db = salvage(err);
    }
  }
  function salvage(err: unknown): Database.Database {
    const movedTo = moveAside(file, now());
    const db = openSound(file, options.synchronous ?? 'full', false);
    const r = salvageInto(movedTo, db, [...RETAINED_TABLES, ...KEPT_TABLES.map((table) => ({ table, timeColumn: '' }))]);
    const kept = Object.entries(r.kept).map(([t, n]) => `${n} ${t}`).join(', ');
    const skipped = Object.values(r.skipped).reduce((s, n) => s + n, 0);
    problems.push({
      message: r.unreadable
        ? `${file} was damaged (${(err as Error).message}) and nothing in it could be read (${r.unreadable}); a new one was started`
        : `${file} was damaged (${(err as Error).message}); kept ${kept || 'nothing'}, skipped about ${skipped} unreadable records`,
      movedTo,
    });
    return db;
  }
  if (options.maxPages !== undefined) db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxPages))}`);

  const prunes = RETAINED_TABLES.map((t) => ({ table: t.table, run: db.prepare(`DELETE FROM "${t.table}" WHERE "${t.timeColumn}" < ?`) }));
  const pruneNow = db.transaction((cutoff: number) => Object.fromEntries(prunes.map((p) => [p.table, p.run.run(cutoff).changes])));
  const prune = (at: Date = now()): PruneReport => pruneNow(at.getTime() - options.retentionDays * DAY_MS) as PruneReport;
  try {
    prune();
  } catch {
    // A full disk cannot even delete (the WAL grows first); the store still reads, and the next pass retries.
  }
  const every = options.pruneEveryMs ?? 3_600_000;
  // unref: retention never keeps a finished command (or a stopped bot) alive.
  const timer = every > 0 ? setInterval(() => {
    try {
      prune();
    } catch {
      // A failed pass (disk full, busy) is retried at the next one.
    }
  }, every).unref() : undefined;

  let closed = false;
  return {
    documents: createSqliteDocuments(db, now),
    feeds: createSqliteFeeds(db),
    answers: createSqliteAnswerLog(db, hashUser),
    votes: createSqliteVotes(db, hashUser),
    discord: createSqliteDiscordState(db, () => now().getTime() - options.retentionDays * DAY_MS),
    autoAnswer: createSqliteAutoAnswer(db),
    rateLimits: createSqliteRateLimits(db),
    kind: 'sqlite',
    pending: () => ({ queued: 0, dropped: 0 }),
    hashUser,
    problems,
    async prune(at) {
      return prune(at);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      db.close();
    },
  };
}

/**
 * A document store in memory, for a process whose store file cannot be opened: the corpus folder
 * is synced into it so answers still go out (nothing added by link or upload survives the process).
 */
export function openMemoryDocuments(): DocumentStore {
  const db = new Database(':memory:');
  migrate(db);
  return createSqliteDocuments(db);
}

/**
 * Opens `file` in WAL mode with every migration applied, after SQLite's quick check when `check`;
 * throws (isDamage) when the file is damaged.
 */
function openSound(file: string, synchronous: 'full' | 'normal', check: boolean, exclusive = false): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    if (exclusive) db.pragma('locking_mode = EXCLUSIVE');
    else db.pragma('journal_mode = WAL');
    // FULL: a committed record survives a power cut too, not only kill -9 (one fsync per answer).
    db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    const result = check ? db.pragma('quick_check', { simple: true }) : 'ok';
    if (result !== 'ok') {
      const found = shorten(String(result).replace(/\*\*\* in database main \*\*\*/g, ''), 200);
      throw Object.assign(new Error(`SQLite's quick check found ${found}`), { code: 'SQLITE_CORRUPT' });
    }
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Applies the migrations not yet recorded, all in one IMMEDIATE transaction that re-reads what is
 * applied once it holds the write lock: processes starting together on a fresh DATA_DIR wait for
 * each other (busy_timeout) instead of creating the same tables twice.
 */
function migrate(db: Database.Database): void {
  const pending = () => {
    const applied = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
    return MIGRATIONS.filter((m) => !applied.has(m.name));
  };
  try {
    if (pending().length === 0) return;
  } catch {
    // No schema_migrations yet: a fresh file, created below.
  }
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const mark = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
    for (const m of pending()) {
      db.exec(m.sql);
      mark.run(m.name, Date.now());
    }
  }).immediate();
}
