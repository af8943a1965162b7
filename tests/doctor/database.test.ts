import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { databaseChecks } from '../../src/doctor/database.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { PG_SCHEMA_VERSION } from '../../src/store/postgres-schema.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { removeDirs, tempDirs } from '../helpers/corpus-dirs.js';
import { closedPort } from '../helpers/ports.js';
import { TEST_DATABASE_URL, testSchemas, urlInSchema } from '../helpers/postgres.js';

const checks = async (env: Record<string, string>) => Object.fromEntries((await databaseChecks(loadConfig(env))).map((c) => [c.id, c]));

describe('npm run doctor: the database', () => {
  it('says the store is SQLite in DATA_DIR when DATABASE_URL is not set', async () => {
    expect((await checks({})).database).toMatchObject({ status: 'not-configured', summary: 'the store is SQLite in DATA_DIR' });
  });

  it('fails an unreachable database with what to fix, and skips the rest', async () => {
    const c = await checks({ DATABASE_URL: `postgres://griot:secret@127.0.0.1:${await closedPort()}/griot` });
    expect(c.database).toMatchObject({ status: 'fail', fix: expect.stringMatching(/start PostgreSQL, or fix the host and port/) });
    expect(c.database!.summary).not.toContain('secret');
    expect(c['database.schema']!.status).toBe('skipped');
  });

  describe.skipIf(!TEST_DATABASE_URL)('against PostgreSQL', () => {
    const schemas = testSchemas();
    afterAll(() => schemas.dropAll());

    it('reports reachable, the schema version (none yet, current, newer than known) and LISTEN working', async () => {
      const schema = await schemas.create();
      const env = { DATABASE_URL: urlInSchema(schema) };
      let c = await checks(env);
      expect(c.database!.status).toBe('ok');
      expect(c['database.schema']).toMatchObject({ status: 'warn', summary: expect.stringContaining('schema version 0') });
      expect(c['database.listen']).toMatchObject({ status: 'ok', summary: expect.stringContaining('LISTEN/NOTIFY work') });

      await (await openPostgresStore({ url: TEST_DATABASE_URL!, schema, retentionDays: 90, pruneEveryMs: 0 })).close();
      c = await checks(env);
      expect(c['database.schema']).toMatchObject({ status: 'ok', summary: `schema version ${PG_SCHEMA_VERSION} (current)` });

      const client = new pg.Client({ connectionString: urlInSchema(schema) });
      await client.connect();
      await client.query(`INSERT INTO griot_schema (version, name) VALUES (${PG_SCHEMA_VERSION + 1}, 'newer')`);
      await client.end();
      c = await checks(env);
      expect(c['database.schema']).toMatchObject({ status: 'fail', summary: expect.stringContaining(`schema version ${PG_SCHEMA_VERSION + 1}, newer than this Griot knows`) });
    });

    it('says whether this host’s saved index is at the database’s revision', async () => {
      const schema = await schemas.create();
      const dirs = await tempDirs();
      try {
        const env = { DATABASE_URL: urlInSchema(schema), CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir };
        await (await openPostgresStore({ url: TEST_DATABASE_URL!, schema, retentionDays: 90, pruneEveryMs: 0 })).close();
        expect((await checks(env))['database.revision']).toMatchObject({ status: 'warn', summary: expect.stringContaining('no saved index yet') });
        const app = await createApp({ config: loadConfig(env), logger: createLogger({ level: 'silent' }), progress: null });
        expect((await checks(env))['database.revision']).toMatchObject({ status: 'ok', summary: expect.stringMatching(/at the database's revision 1 \(3 documents\)/) });
        await app.store.documents.apply({ remove: ['alpha'] });
        await app.engine.close();
        await app.store.close();
        expect((await checks(env))['database.revision']).toMatchObject({ status: 'warn', summary: expect.stringContaining('is not at the database\'s revision 2 (2 documents)') });
      } finally {
        await removeDirs(dirs);
      }
    }, 60_000);
  });
});
