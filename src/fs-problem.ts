import { statfsSync } from 'node:fs';

/**
 * What a failed file-system or SQLite write means, in words a user can act on ("no space left on
 * the disk"), instead of the system's code or SQLite's "disk I/O error".
 */
export function fsProblem(err: unknown): string {
  const e = err as { code?: unknown; path?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const where = typeof e?.path === 'string' ? ` (${e.path})` : '';
  switch (code) {
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return `no space left on the disk${where}`;
    case 'EDQUOT':
      return `the disk quota is used up${where}`;
    case 'EROFS':
    case 'SQLITE_READONLY':
      return `the file system is read-only${where}`;
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_CANTOPEN':
      return `permission denied${where}`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `a file stands where a folder should be${where}; DATA_DIR must be a folder`;
    default:
      if (/^SQLITE_IOERR/.test(code) && isDiskFull(err)) return `no space left on the disk${where}`;
      return typeof e?.message === 'string' ? e.message : String(err);
  }
}

/**
 * The problem behind a failed SQLite call on a file in `dir`: SQLite reports a disk that filled up
 * while it grew its WAL or shared memory as a plain "disk I/O error", so the disk is asked.
 */
export function sqliteProblem(err: unknown, dir: string): string {
  const code = String((err as { code?: unknown })?.code ?? '');
  if (/^SQLITE_(IOERR|FULL|CANTOPEN)/.test(code) && diskIsFull(dir)) return 'no space left on the disk';
  return fsProblem(err);
}

/** True when the file system holding `dir` has no block left for this user. */
export function diskIsFull(dir: string): boolean {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

/** True when an error, or the one it wraps, is a full disk (ENOSPC, SQLITE_FULL). */
export function isDiskFull(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === 'ENOSPC' || e.code === 'SQLITE_FULL') return true;
  }
  return false;
}
