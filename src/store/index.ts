/** The store: its interface (types.ts), the SQLite and PostgreSQL implementations, and the answer-logging helper. */
export type * from './types.js';
export { openStore, openMemoryDocuments, STORE_FILE, type OpenStoreOptions } from './sqlite.js';
export { contentHash } from './document-rows.js';
export { recordAnswer } from './record-answer.js';
export { answerLogEntry, loggedMode, questionKey, messageUrl } from './answer-entry.js';
export { openPostgresStore, type OpenPostgresOptions, type PostgresStore } from './postgres.js';
export { openConfiguredStore, type StoreSettings } from './open.js';
export { StoreSetupError } from './postgres-errors.js';
