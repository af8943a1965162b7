import type Database from 'better-sqlite3';
import type { AutoAnswerSetting, AutoAnswerStore } from './types.js';

interface Row {
  forum_id: string;
  guild_id: string;
  min_confidence: number;
  reply_when_unsure: number;
  at: number;
}

const setting = (r: Row): AutoAnswerSetting => ({
  guildId: r.guild_id,
  forumId: r.forum_id,
  minConfidence: r.min_confidence,
  replyWhenUnsure: r.reply_when_unsure === 1,
  at: new Date(r.at),
});

/** Auto-answer settings and claimed posts over the `auto_answer_channels` and `auto_answer_posts` tables. */
export function createSqliteAutoAnswer(db: Database.Database): AutoAnswerStore {
  const upsert = db.prepare(`
    INSERT INTO auto_answer_channels (forum_id, guild_id, min_confidence, reply_when_unsure, at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (forum_id) DO UPDATE SET guild_id = excluded.guild_id, min_confidence = excluded.min_confidence,
      reply_when_unsure = excluded.reply_when_unsure, at = excluded.at`);
  const remove = db.prepare('DELETE FROM auto_answer_channels WHERE forum_id = ?');
  const one = db.prepare('SELECT * FROM auto_answer_channels WHERE forum_id = ?');
  const all = db.prepare('SELECT * FROM auto_answer_channels WHERE guild_id = ? ORDER BY rowid');
  const claim = db.prepare('INSERT INTO auto_answer_posts (thread_id, at) VALUES (?, ?) ON CONFLICT (thread_id) DO NOTHING');
  return {
    async enable(s) {
      upsert.run(s.forumId, s.guildId, s.minConfidence, s.replyWhenUnsure ? 1 : 0, s.at.getTime());
    },
    async disable(forumId) {
      return remove.run(forumId).changes > 0;
    },
    async get(forumId) {
      const row = one.get(forumId) as Row | undefined;
      return row ? setting(row) : undefined;
    },
    async list(guildId) {
      return (all.all(guildId) as Row[]).map(setting);
    },
    async claimPost(threadId, at = new Date()) {
      return claim.run(threadId, at.getTime()).changes === 1;
    },
  };
}
