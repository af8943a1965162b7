/**
 * PostgreSQL for tests: TEST_DATABASE_URL (CI: postgres://postgres@127.0.0.1:5432/test), each
 * store in a schema of its own, dropped at the end. Without TEST_DATABASE_URL the PostgreSQL tests
 * are skipped (tests/global-setup.ts says so once).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Schemas made by one test file; dropAll() removes them (call it in afterAll). */
export function testSchemas() {
  const made: string[] = [];
  return {
    /** A new empty schema's name. */
    async create(): Promise<string> {
      const name = `griot_test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${name}`);
      } finally {
        await client.end();
      }
      made.push(name);
      return name;
    },
    async dropAll(): Promise<void> {
      if (made.length === 0) return;
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        for (const name of made.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** TEST_DATABASE_URL with every connection working in `schema` (libpq's options parameter). */
export function urlInSchema(schema: string, url = TEST_DATABASE_URL!): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
