/** The store's database: SQLite needs no check here (DATA_DIR has its own); PostgreSQL is probed. */
import type { Config } from '../config.js';
import { indexPath, PIPELINE_VERSION } from '../search/open-index.js';
import { readIndexStamp, storeFingerprint } from '../search/persist.js';
import { describeDatabase } from '../store/postgres-errors.js';
import { probePostgres } from '../store/postgres-probe.js';
import { skipped, type Check } from './types.js';

/**
 * database (reachable), database.schema (version), database.listen (NOTIFY reaches this host),
 * database.revision (this host's saved index against the database's documents).
 */
export async function databaseChecks(config: Config): Promise<Check[]> {
  if (!config.databaseUrl) {
    return [{ id: 'database', status: 'not-configured', summary: 'the store is SQLite in DATA_DIR', fix: 'to share one store between hosts, set DATABASE_URL=postgres://… (docs/operators.md, "Several hosts")' }];
  }
  const where = describeDatabase(config.databaseUrl);
  const p = await probePostgres(config.databaseUrl);
  if (!p.reachable) {
    return [
      { id: 'database', status: 'fail', summary: `PostgreSQL at ${where}: ${p.reason}`, fix: p.fix },
      skipped('database.schema', 'the database cannot be reached'),
      skipped('database.listen', 'the database cannot be reached'),
    ];
  }
  const schema: Check =
    p.schemaVersion > p.knownVersion
      ? { id: 'database.schema', status: 'fail', summary: `schema version ${p.schemaVersion}, newer than this Griot knows (${p.knownVersion})`, fix: 'upgrade Griot on this host: another host runs a newer one' }
      : p.schemaVersion < p.knownVersion
        ? { id: 'database.schema', status: 'warn', summary: `schema version ${p.schemaVersion}${p.schemaVersion === 0 ? ' (no Griot tables yet)' : ''}; this Griot knows ${p.knownVersion}`, fix: 'the next start migrates it (one host at a time)' }
        : { id: 'database.schema', status: 'ok', summary: `schema version ${p.schemaVersion} (current)` };
  const listen: Check =
    p.listenMs === null
      ? { id: 'database.listen', status: 'fail', summary: 'a NOTIFY never reached a LISTENing connection', fix: 'connect hosts to PostgreSQL directly or through a pooler in session mode: LISTEN does not work in transaction mode' }
      : { id: 'database.listen', status: 'ok', summary: `LISTEN/NOTIFY work (${Math.round(p.listenMs)} ms)` };
  return [
    { id: 'database', status: 'ok', summary: `PostgreSQL ${p.server} at ${where} answers (${Math.round(p.ms)} ms)`, data: { ms: p.ms, server: p.server } },
    { ...schema, data: { found: p.schemaVersion, known: p.knownVersion } },
    listen,
    ...(p.documents ? [await revisionCheck(config, p.documents)] : []),
  ];
}

/** database.revision: is this host's saved index (DATA_DIR) at the database's revision? */
async function revisionCheck(config: Config, db: { storeId: string; revision: number; count: number }): Promise<Check> {
  const stamp = await readIndexStamp(indexPath(config.dataDir));
  const data = { revision: db.revision, documents: db.count };
  if (!stamp) return { id: 'database.revision', status: 'warn', summary: `the database holds ${db.count} documents at revision ${db.revision}; this host has no saved index yet`, fix: 'the first start builds it from the database', data };
  if (stamp.fingerprint === storeFingerprint(db.storeId, db.revision, PIPELINE_VERSION)) {
    return { id: 'database.revision', status: 'ok', summary: `this host's saved index is at the database's revision ${db.revision} (${db.count} documents)`, data };
  }
  return {
    id: 'database.revision',
    status: 'warn',
    summary: `this host's saved index (saved ${stamp.createdAt}) is not at the database's revision ${db.revision} (${db.count} documents)`,
    fix: 'a running bot catches up by itself within 30 s; a start reads only the documents changed since',
    data,
  };
}
