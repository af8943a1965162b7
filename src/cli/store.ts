import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { copySqliteToPostgres } from '../store/copy.js';
import { describeDatabase } from '../store/postgres-errors.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliIo } from './io.js';

const STORE_USAGE = 'npm run store -- copy --to postgres://user:password@host:5432/database [--json]';

/** `npm run store -- copy --to postgres://…`: the SQLite store of DATA_DIR copied into PostgreSQL, counts checked. */
export async function storeCommand(args: { config: Config; logger: Logger }, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { to: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (positionals[0] !== 'copy' || positionals.length !== 1) throw new UsageError(`expected: ${STORE_USAGE}`);
  const to = values.to ?? args.config.databaseUrl;
  if (!to || !/^postgres(ql)?:\/\//.test(to)) throw new UsageError(`copy needs --to postgres://… (or DATABASE_URL): ${STORE_USAGE}`);
  const report = await copySqliteToPostgres({ dataDir: args.config.dataDir, url: to, retentionDays: args.config.logRetentionDays, logger: args.logger });
  if (values.json) {
    io.out(`${JSON.stringify(report)}\n`);
    return report.complete ? 0 : 1;
  }
  const salt = {
    copied: 'the user-hash salt was copied, so users keep their hashes',
    same: 'the user-hash salt already matches',
    'kept-other': 'the database already had another install’s user-hash salt with records hashed by it: it is kept, so copied hashes do not match those users’ new ones',
    none: 'no user-hash salt in DATA_DIR',
  }[report.salt];
  io.out(
    [
      `Copied the SQLite store of ${args.config.dataDir} into ${describeDatabase(to)}:`,
      ...report.tables.map((t) => `  ${t.table}: ${t.source} in SQLite, ${t.present} of them in PostgreSQL (${t.inserted} written now)${t.present === t.source ? '' : '  ← MISSING'}`),
      `  ${salt}`,
      report.complete ? 'Every record is in PostgreSQL. Set DATABASE_URL on every host to use it.' : 'Some records are missing in PostgreSQL: see above, then run the copy again.',
    ].join('\n') + '\n',
  );
  return report.complete ? 0 : 1;
}
