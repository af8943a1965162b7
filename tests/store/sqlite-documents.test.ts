import { afterEach } from 'vitest';
import { rm } from 'node:fs/promises';
import { openStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { documentStoreContract } from './documents-contract.js';
import { tempDataDir } from './helpers.js';

const opened: { store: Store; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of opened.splice(0)) {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});

documentStoreContract('SQLite', async () => {
  const dir = await tempDataDir();
  const store = await openStore({ dataDir: dir, retentionDays: 30, pruneEveryMs: 0 });
  opened.push({ store, dir });
  return store.documents;
});
