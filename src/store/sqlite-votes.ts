import type Database from 'better-sqlite3';
import type { Vote, VoteStore } from './types.js';

/** Votes over the `votes` table: one row per (answer, user), the latest vote replacing the earlier one. */
export function createSqliteVotes(db: Database.Database, hashUser: (userId: string) => string): VoteStore {
  const previous = db.prepare('SELECT vote FROM votes WHERE answer_id = ? AND user_hash = ?').pluck();
  const upsert = db.prepare(`
    INSERT INTO votes (answer_id, user_hash, vote, at) VALUES (?, ?, ?, ?)
    ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at`);
  const record = db.transaction((answerId: string, user: string, vote: Vote, at: number): Vote | undefined => {
    const before = previous.get(answerId, user) as Vote | undefined;
    upsert.run(answerId, user, vote, at);
    return before;
  });
  return {
    async record(v) {
      const before = record(v.answerId, hashUser(v.userId), v.vote, (v.at ?? new Date()).getTime());
      return before ? { previous: before } : {};
    },
  };
}
