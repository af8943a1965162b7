/**
 * Salvage of a damaged SQLite file: the file is moved aside (kept for the operator), a fresh one
 * takes its place, and every row still readable is copied over, table by table in rowid order.
 * An unreadable page is stepped over (probing rowids further on), so one bad page costs the rows
 * on it, not the rest.
 */
import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { RetainedTable } from './schema.js';

/** What salvage did. */
export interface SalvageReport {
  readonly movedTo: string;
  /** Rows copied, per table. */
  readonly kept: Readonly<Record<string, number>>;
  /** Rows that could not be read or were invalid (estimated from the rowid gaps they left), per table. */
  readonly skipped: Readonly<Record<string, number>>;
  /** Set when nothing at all could be read from the damaged file. */
  readonly unreadable?: string;
}

/** Rows read at a time while the file reads well. */
const BATCH = 500;

/** Moves `file` (with its -wal and -shm) to `${file}.damaged-<time>`; returns the new name. */
export function moveAside(file: string, now: Date = new Date()): string {
  const movedTo = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
  }
  return movedTo;
}

/** Copies what can be read of `tables` from the damaged file `from` into the open, migrated `into`. */
export function salvageInto(from: string, into: Database.Database, tables: readonly RetainedTable[]): Omit<SalvageReport, 'movedTo'> {
  const kept: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  let damaged: Database.Database;
  try {
    damaged = new Database(from, { fileMustExist: true });
    // A file shorter than its header says (truncated) is refused as corrupt unless the schema is
    // "writable": SQLite then reads the pages that are there. better-sqlite3's defensive mode
    // forbids the pragma, hence unsafe mode, on this moved-aside copy only; nothing is written to it.
    damaged.unsafeMode(true);
    damaged.pragma('writable_schema = ON');
    damaged.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    return { kept, skipped, unreadable: (err as Error).message };
  }
  try {
    for (const { table } of tables) {
      const r = copyTable(damaged, into, table);
      kept[table] = r.kept;
      skipped[table] = r.skipped;
    }
  } finally {
    damaged.close();
  }
  return { kept, skipped };
}

function columnsOf(db: Database.Database, table: string): string[] {
  try {
    return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  } catch {
    return [];
  }
}

function copyTable(from: Database.Database, into: Database.Database, table: string): { kept: number; skipped: number } {
  const wanted = new Set(columnsOf(into, table));
  const cols = columnsOf(from, table).filter((c) => wanted.has(c));
  if (cols.length === 0) return { kept: 0, skipped: 0 };
  const list = cols.map((c) => `"${c}"`).join(', ');
  const select = from.prepare(`SELECT rowid AS "__rowid", ${list} FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  const insert = into.prepare(`INSERT OR IGNORE INTO "${table}" (${list}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
  const read = (after: number, limit: number): Record<string, unknown>[] | null => {
    try {
      return select.all(after, limit) as Record<string, unknown>[];
    } catch {
      return null;
    }
  };
  let maxRowid: number | null;
  try {
    maxRowid = (from.prepare(`SELECT max(rowid) AS m FROM "${table}"`).get() as { m: number | null }).m ?? 0;
  } catch {
    maxRowid = null;
  }
  let kept = 0;
  let skipped = 0;
  let after = 0;
  const copy = into.transaction((rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      const { __rowid, ...values } = row;
      try {
        kept += insert.run(values).changes;
      } catch {
        // A row whose values break the schema's checks: garbage from a damaged page.
        skipped++;
      }
    }
  });
  for (;;) {
    const rows = read(after, BATCH) ?? read(after, 1);
    if (rows) {
      if (rows.length === 0) break;
      copy(rows);
      after = rows[rows.length - 1]!.__rowid as number;
      continue;
    }
    // The row after `after` sits on an unreadable page: find the first rowid from which reading works again.
    const next = nextReadable(after, maxRowid, (start) => read(start - 1, 1));
    if (next === null) {
      if (maxRowid !== null && maxRowid > after) skipped += maxRowid - after;
      break;
    }
    skipped += Math.max(0, next.rowid - after - 1);
    after = next.rowid - 1;
  }
  return { kept, skipped };
}

/**
 * The first readable rowid after `after`: probes further and further (1, 2, 4… rowids on) until a
 * read works, then narrows down between the last failure and that success. Null when nothing
 * further can be read.
 */
function nextReadable(
  after: number,
  maxRowid: number | null,
  readFrom: (start: number) => Record<string, unknown>[] | null,
): { rowid: number } | null {
  const limit = maxRowid ?? after + 2 ** 40;
  let bad = after + 1;
  let step = 1;
  let good: { start: number; rows: Record<string, unknown>[] } | null = null;
  while (bad + step <= limit + 1) {
    const start = bad + step;
    const rows = readFrom(start);
    if (rows) {
      good = { start, rows };
      break;
    }
    bad = start;
    step *= 2;
  }
  if (!good) return null;
  // Narrow: the smallest start in (bad, good.start] that reads.
  let lo = bad;
  let hi = good.start;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (readFrom(mid)) hi = mid;
    else lo = mid;
  }
  const rows = readFrom(hi);
  if (!rows || rows.length === 0) return null;
  return { rowid: rows[0]!.__rowid as number };
}
