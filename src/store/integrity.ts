/** A look at DATA_DIR/griot.sqlite that writes nothing: SQLite's integrity check, for `npm run doctor`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fsProblem } from '../fs-problem.js';
import { isDamage, STORE_FILE } from './sqlite.js';

/** What the integrity check found. */
export type StoreInspection =
  | { readonly kind: 'missing'; readonly file: string }
  | { readonly kind: 'ok'; readonly file: string; readonly answers: number }
  | { readonly kind: 'damaged'; readonly file: string; readonly found: string }
  | { readonly kind: 'unopenable'; readonly file: string; readonly problem: string };

/** Problems listed at most (SQLite's own default is 100). */
const MAX_PROBLEMS = 10;

/** Runs `PRAGMA integrity_check` on the store file, read-only. */
export function inspectStore(dataDir: string): StoreInspection {
  const file = join(dataDir, STORE_FILE);
  if (!existsSync(file)) return { kind: 'missing', file };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return isDamage(err) ? { kind: 'damaged', file, found: (err as Error).message } : { kind: 'unopenable', file, problem: fsProblem(err) };
  }
  try {
    db.pragma('busy_timeout = 5000');
    const found = (db.pragma(`integrity_check(${MAX_PROBLEMS})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (found.length !== 1 || found[0] !== 'ok') return { kind: 'damaged', file, found: found.join('; ').replace(/\*\*\* in database main \*\*\*\s*/g, '') };
    const answers = (db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
    return { kind: 'ok', file, answers };
  } catch (err) {
    return isDamage(err) ? { kind: 'damaged', file, found: (err as Error).message } : { kind: 'unopenable', file, problem: fsProblem(err) };
  } finally {
    db.close();
  }
}
