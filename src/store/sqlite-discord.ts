import type Database from 'better-sqlite3';
import type { DiscordStateKind, DiscordStateStore } from './types.js';

/**
 * The Discord state over the `discord_state` table: one JSON value per kind and key. A value past
 * retention reads as gone even before the hourly prune removes it, so a button never works one
 * hour and fails the next.
 */
export function createSqliteDiscordState(db: Database.Database, cutoff: () => number): DiscordStateStore {
  const upsert = db.prepare(`
    INSERT INTO discord_state (kind, key, value, at) VALUES (?, ?, ?, ?)
    ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, at = excluded.at`);
  const select = db.prepare('SELECT value FROM discord_state WHERE kind = ? AND key = ? AND at >= ?').pluck();
  return {
    async put(kind: DiscordStateKind, key: string, value: unknown, at: Date = new Date()) {
      upsert.run(kind, key, JSON.stringify(value), at.getTime());
    },
    async get(kind: DiscordStateKind, key: string) {
      const raw = select.get(kind, key, cutoff()) as string | undefined;
      return raw === undefined ? undefined : JSON.parse(raw);
    },
  };
}
