import { describe, expect, it } from 'vitest';
import { compareStores } from '../../src/store/bench-compare.js';
import { TEST_DATABASE_URL } from '../helpers/postgres.js';

/** A small workload: what `npm run bench:store` does, at a size that runs in seconds. */
const small = { writes: 20, sizes: [300], runs: 1 } as const;

describe('compareStores', () => {
  it('writes records and times /stats over a filled SQLite log', async () => {
    const r = await compareStores(small);
    expect(r.sqlite.writesPerSecond.one).toBeGreaterThan(0);
    expect(Object.keys(r.sqlite.statsMs['300'] ?? {})).toEqual(['1', '30', '90']);
    expect(r.postgres).toBeNull();
  }, 120_000);

  it.skipIf(!TEST_DATABASE_URL)('and over a filled PostgreSQL log', async () => {
    const r = await compareStores({ ...small, postgresUrl: TEST_DATABASE_URL! });
    expect(r.postgres!.writesPerSecond.eight).toBeGreaterThan(0);
    expect(Object.keys(r.postgres!.statsMs['300'] ?? {})).toEqual(['1', '30', '90']);
  }, 120_000);
});
