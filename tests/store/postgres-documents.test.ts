import { afterAll, afterEach, describe } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/types.js';
import { TEST_DATABASE_URL, testSchemas } from '../helpers/postgres.js';
import { documentStoreContract } from './documents-contract.js';

// The same contract as tests/store/sqlite-documents.test.ts, on PostgreSQL (a schema per store).
describe.skipIf(!TEST_DATABASE_URL)('the PostgreSQL store', () => {
  const schemas = testSchemas();
  const opened: Store[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  afterAll(() => schemas.dropAll());
  documentStoreContract('PostgreSQL', async () => {
    const store = await openPostgresStore({ url: TEST_DATABASE_URL!, schema: await schemas.create(), retentionDays: 30, pruneEveryMs: 0, waitMs: 0 });
    opened.push(store);
    return store.documents;
  });
});
