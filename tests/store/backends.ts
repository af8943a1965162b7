/**
 * The two store implementations, for the one store test suite: SQLite in a fresh DATA_DIR, and
 * PostgreSQL (TEST_DATABASE_URL) in a fresh schema. Stores are closed after each test; DATA_DIRs
 * and schemas removed after the file.
 */
import { rm } from 'node:fs/promises';
import { afterAll, afterEach } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { TEST_DATABASE_URL, testSchemas } from '../helpers/postgres.js';
import { tempDataDir } from './helpers.js';

export interface OpenOptions {
  /** Reopen the store at this location (a DATA_DIR or a schema); default a new one. */
  readonly location?: string;
  readonly now?: () => Date;
  readonly retentionDays?: number;
}

export interface Backend {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** True when this backend cannot run here (PostgreSQL without TEST_DATABASE_URL). */
  readonly skip: boolean;
  /** A new empty location. */
  location(): Promise<string>;
  /** Opens a store (closed after the test). */
  open(options?: OpenOptions): Promise<{ store: Store; location: string }>;
}

/** Both backends, with their cleanup registered in the calling test file. */
export function backends(): Backend[] {
  const open: Store[] = [];
  const dirs: string[] = [];
  const schemas = testSchemas();
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  afterAll(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
    if (TEST_DATABASE_URL) await schemas.dropAll();
  });
  const sqlite: Backend = {
    name: 'SQLite',
    skip: false,
    async location() {
      const d = await tempDataDir();
      dirs.push(d);
      return d;
    },
    async open(o = {}) {
      const location = o.location ?? (await sqlite.location());
      const store = await openStore({ dataDir: location, retentionDays: o.retentionDays ?? 90, pruneEveryMs: 0, ...(o.now ? { now: o.now } : {}) });
      open.push(store);
      return { store, location };
    },
  };
  const postgres: Backend = {
    name: 'PostgreSQL',
    skip: !TEST_DATABASE_URL,
    location: () => schemas.create(),
    async open(o = {}) {
      const location = o.location ?? (await schemas.create());
      const store = await openPostgresStore({
        url: TEST_DATABASE_URL!,
        schema: location,
        retentionDays: o.retentionDays ?? 90,
        pruneEveryMs: 0,
        waitMs: 0,
        ...(o.now ? { now: o.now } : {}),
      });
      open.push(store);
      return { store, location };
    },
  };
  return [sqlite, postgres];
}
