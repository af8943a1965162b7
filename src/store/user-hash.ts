import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreProblem } from './types.js';

/** The install's salt for user hashes, in DATA_DIR. */
export const SALT_FILE = 'user-hash.salt';

const SALT = /^[0-9a-f]{64}$/;

/**
 * The install's salt: read from DATA_DIR/user-hash.salt, or made (32 random bytes, hex) the first
 * time. Written whole to a file of its own, then linked into place (which fails if the salt exists),
 * so processes starting together (shards) agree on one and none ever reads a half-written or empty
 * salt, even on a full disk. A damaged salt file is moved aside and replaced, which is reported:
 * hashes made before no longer match.
 */
export function loadOrCreateSalt(dataDir: string, problems: StoreProblem[]): string {
  const file = join(dataDir, SALT_FILE);
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    // Read first: an existing salt needs no write (a full disk or read-only DATA_DIR still serves).
    if (!existsSync(file)) {
      const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
        linkSync(draft, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        rmSync(draft, { force: true });
      }
    }
    const salt = readFileSync(file, 'utf8').trim();
    if (SALT.test(salt)) return salt;
    const movedTo = `${file}.damaged-${Date.now()}`;
    renameSync(file, movedTo);
    problems.push({ message: `${file} did not hold a salt (64 hex digits); a new one was made, so user hashes from before no longer match`, movedTo });
  }
  throw new Error(`could not create the user-hash salt in ${file}`);
}

/** HMAC-SHA256 of a user id under the install's salt (hex): stable per install, not reversible without the salt. */
export function userHasher(salt: string): (userId: string) => string {
  return (userId) => createHmac('sha256', salt).update(userId).digest('hex');
}
