/**
 * What a PostgreSQL error means for Griot: the database is out of reach for now (wait, queue,
 * retry), or set up wrongly (stop, and say what to fix). Pure.
 */

/** Socket-level failures: the server or the network is down for now. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/** SQLSTATEs of a server that is going away or not accepting connections yet. */
const SERVER_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres's own messages for a lost or never-made connection. */
const CLIENT_LOST = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|not queryable/i;

const code = (err: unknown): string => String((err as { code?: unknown })?.code ?? '');

/** True when `err` says PostgreSQL cannot be reached right now (as opposed to a bad query or a bad setting). */
export function isUnreachable(err: unknown): boolean {
  const c = code(err);
  if (NETWORK.has(c) || SERVER_UNAVAILABLE.has(c) || c.startsWith('08')) return true;
  // AggregateError (several addresses tried) carries the socket errors inside.
  const inner = (err as { errors?: unknown[] })?.errors;
  if (Array.isArray(inner) && inner.some(isUnreachable)) return true;
  return CLIENT_LOST.test(String((err as Error)?.message ?? ''));
}

/** Where DATABASE_URL points, without its password: `user@host:port/database`. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default database)';
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}:${u.port || '5432'}/${db}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * The one line telling the operator what to fix, when `err` is a setting PostgreSQL refused
 * (wrong password, unknown user or database, no permission); undefined for anything else.
 */
export function setupFix(err: unknown, url: string): string | undefined {
  const where = describeDatabase(url);
  const u = (() => {
    try {
      return new URL(url);
    } catch {
      return undefined;
    }
  })();
  const user = u?.username ? decodeURIComponent(u.username) : 'the user';
  const db = u ? decodeURIComponent(u.pathname.replace(/^\//, '')) : '';
  switch (code(err)) {
    case '28P01':
      return `PostgreSQL refused the password for ${user} (${where}): put the right password in DATABASE_URL (postgres://user:password@host:port/database).`;
    case '28000':
      return `PostgreSQL does not let ${user} connect (${where}: ${(err as Error).message}): fix the user in DATABASE_URL, or allow it in pg_hba.conf.`;
    case '3D000':
      return `The database "${db}" does not exist on ${where.replace(/\/.*$/, '')}: create it (createdb -h host -U ${user} ${db || 'griot'}) or fix DATABASE_URL.`;
    case '42501':
      return `${user} may not create Griot's tables in ${where} (${(err as Error).message}): grant it CREATE on the database (GRANT CREATE ON DATABASE ... TO ${user}), or use the database's owner in DATABASE_URL.`;
    default:
      return undefined;
  }
}

/** A start-up that cannot go on: its message is the one line for the operator. */
export class StoreSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreSetupError';
  }
}
