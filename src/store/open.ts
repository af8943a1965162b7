/** Which store an install uses: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
import type { Logger } from '../logger.js';
import { openPostgresStore } from './postgres.js';
import { openStore } from './sqlite.js';
import type { Store } from './types.js';

export interface StoreSettings {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly retentionDays: number;
}

/**
 * Opens the configured store. PostgreSQL start-up problems reject (StoreSetupError names the fix);
 * `check` is SQLite's integrity check at open.
 */
export async function openConfiguredStore(settings: StoreSettings, logger: Logger, options: { check?: boolean } = {}): Promise<Store> {
  if (settings.databaseUrl) return openPostgresStore({ url: settings.databaseUrl, retentionDays: settings.retentionDays, logger });
  return openStore({ dataDir: settings.dataDir, retentionDays: settings.retentionDays, ...options });
}
