/**
 * A read-only look at the document store in DATA_DIR, for `npm run doctor` (which writes nothing):
 * its id and revision, how many documents each source holds, and the folder files as last synced.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { STORE_FILE } from './sqlite.js';

export interface StorePeek {
  readonly storeId: string;
  readonly revision: number;
  /** Documents by source kind. */
  readonly bySource: Readonly<Record<string, number>>;
  /** Folder files by path: the hash of their bytes when last synced. */
  readonly folderHashes: ReadonlyMap<string, string>;
}

/** The store's state, or null when there is no store yet or it has no documents table (an older Griot). Throws when the file cannot be read. */
export function peekDocumentStore(dataDir: string): StorePeek | null {
  const file = join(dataDir, STORE_FILE);
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_state'").get();
    if (!hasTable) return null;
    const state = db.prepare('SELECT store_id AS storeId, revision FROM store_state WHERE one = 1').get() as { storeId: string; revision: number } | undefined;
    if (!state) return null;
    const bySource = Object.fromEntries((db.prepare('SELECT source, count(*) AS n FROM documents GROUP BY source').all() as { source: string; n: number }[]).map((r) => [r.source, r.n]));
    const folderHashes = new Map((db.prepare('SELECT path, hash FROM folder_files').all() as { path: string; hash: string }[]).map((r) => [r.path, r.hash]));
    return { ...state, bySource, folderHashes };
  } finally {
    db.close();
  }
}
