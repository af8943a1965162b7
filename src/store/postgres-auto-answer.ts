/** Auto-answer settings and claimed posts on PostgreSQL: a post is claimed once across every host. */
import type pg from 'pg';
import type { AutoAnswerSetting, AutoAnswerStore } from './types.js';

interface Row {
  forum_id: string;
  guild_id: string;
  min_confidence: number;
  reply_when_unsure: boolean;
  at: number;
}

const setting = (r: Row): AutoAnswerSetting => ({
  guildId: r.guild_id,
  forumId: r.forum_id,
  minConfidence: r.min_confidence,
  replyWhenUnsure: r.reply_when_unsure,
  at: new Date(r.at),
});

export function createPostgresAutoAnswer(pool: pg.Pool): AutoAnswerStore {
  return {
    async enable(s) {
      await pool.query(
        `INSERT INTO auto_answer_channels (forum_id, guild_id, min_confidence, reply_when_unsure, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (forum_id) DO UPDATE SET guild_id = EXCLUDED.guild_id, min_confidence = EXCLUDED.min_confidence,
           reply_when_unsure = EXCLUDED.reply_when_unsure, at = EXCLUDED.at`,
        [s.forumId, s.guildId, s.minConfidence, s.replyWhenUnsure, s.at.getTime()],
      );
    },
    async disable(forumId) {
      return ((await pool.query('DELETE FROM auto_answer_channels WHERE forum_id = $1', [forumId])).rowCount ?? 0) > 0;
    },
    async get(forumId) {
      const r = await pool.query<Row>('SELECT * FROM auto_answer_channels WHERE forum_id = $1', [forumId]);
      return r.rows[0] ? setting(r.rows[0]) : undefined;
    },
    async list(guildId) {
      return (await pool.query<Row>('SELECT * FROM auto_answer_channels WHERE guild_id = $1 ORDER BY seq', [guildId])).rows.map(setting);
    },
    async claimPost(threadId, at = new Date()) {
      const r = await pool.query('INSERT INTO auto_answer_posts (thread_id, at) VALUES ($1, $2) ON CONFLICT (thread_id) DO NOTHING', [threadId, at.getTime()]);
      return r.rowCount === 1;
    },
  };
}
