/** The feeds check of `npm run doctor`: how many feeds are followed and which are failing, with their last error. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { openStore, STORE_FILE } from '../store/index.js';
import type { Check } from './types.js';

export async function feedsCheck(config: Config): Promise<Check> {
  const id = 'feeds';
  if (!existsSync(join(config.dataDir, STORE_FILE))) {
    return { id, status: 'not-configured', summary: 'no feeds followed (no store yet)', fix: 'follow a feed with `npm run feeds -- add URL` or /feeds add' };
  }
  let feeds;
  try {
    const store = await openStore({ dataDir: config.dataDir, retentionDays: config.logRetentionDays, check: false, pruneEveryMs: 0 });
    try {
      feeds = await store.feeds.list();
    } finally {
      await store.close();
    }
  } catch (err) {
    return { id, status: 'skipped', summary: `not checked: the store could not be read (${(err as Error).message})` };
  }
  if (feeds.length === 0) {
    return { id, status: 'not-configured', summary: 'no feeds followed', fix: 'follow a feed with `npm run feeds -- add URL` or /feeds add' };
  }
  const failing = feeds.filter((f) => f.lastError !== null);
  const data = { feeds: feeds.length, failing: failing.map((f) => ({ id: f.id, url: f.url, failures: f.failures, error: f.lastError, nextPollAt: f.nextPollAt.toISOString() })) };
  if (failing.length === 0) return { id, status: 'ok', summary: `${feeds.length} feed${feeds.length === 1 ? '' : 's'} followed, none failing`, data };
  return {
    id,
    status: 'warn',
    summary: `${failing.length} of ${feeds.length} feeds failing (the others are polled as usual)`,
    fix: 'check the address (npm run feeds -- list); a failing feed is retried with back-off, or remove it with npm run feeds -- remove ID',
    details: failing.map((f) => `#${f.id} ${f.url}: ${f.failures}× in a row, next try ${f.nextPollAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${f.lastError}`),
    data,
  };
}
