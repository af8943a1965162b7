/**
 * Temporary files a save leaves in DATA_DIR when its process is killed between writing and renaming
 * (`index.json.<pid>.<hex>.tmp`, see writeFileAtomic): found, and removed when no live process owns
 * them (a save under way in another process keeps its own).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A temporary file's name: what it was the draft of, the writer's pid, a random part. */
const TEMP = /^(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A leftover temporary file. */
export interface StaleTemp {
  readonly file: string;
  readonly bytes: number;
  readonly pid: number;
}

/** True while process `pid` runs (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The temporary files in `dir` whose writer is gone; none when `dir` cannot be read. */
export async function findStaleTemps(dir: string, alive: (pid: number) => boolean = processAlive): Promise<StaleTemp[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const stale: StaleTemp[] = [];
  for (const name of names.sort()) {
    const m = TEMP.exec(name);
    if (!m || alive(Number(m[2]))) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info?.isFile()) stale.push({ file: name, bytes: info.size, pid: Number(m[2]) });
  }
  return stale;
}

/** Removes the temporary files in `dir` no live process owns; returns what was removed. */
export async function removeStaleTemps(dir: string, alive?: (pid: number) => boolean): Promise<StaleTemp[]> {
  const stale = await findStaleTemps(dir, alive);
  const removed: StaleTemp[] = [];
  for (const t of stale) {
    if (await rm(join(dir, t.file), { force: true }).then(() => true, () => false)) removed.push(t);
  }
  return removed;
}
