import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export type Vote = 'up' | 'down';

/** One line of feedback.jsonl. The last line for an (answerId, user) pair is the vote that counts. */
export interface FeedbackEntry {
  readonly at: string;
  readonly answerId: string;
  readonly question: string;
  /** sha256 of the Discord user id. */
  readonly user: string;
  readonly vote: Vote;
  /** The vote this one replaces, when the user changed their mind. */
  readonly previous?: Vote;
}

export interface FeedbackLog {
  readonly file: string;
  /** Appends a vote; says what it replaced (if anything) so the reply can say "changed". */
  record(entry: Omit<FeedbackEntry, 'at' | 'previous'>): Promise<FeedbackEntry>;
}

/** Feedback appended to `${dataDir}/feedback.jsonl`, one JSON object per line. */
export function createFeedbackLog(dataDir: string, now: () => Date = () => new Date()): FeedbackLog {
  const file = join(dataDir, 'feedback.jsonl');
  // Votes cast since start, to tell a change from a first vote; the file stays the record.
  const last = new Map<string, Vote>();
  return {
    file,
    async record(vote) {
      const key = `${vote.answerId}\u0000${vote.user}`;
      const previous = last.get(key);
      const entry: FeedbackEntry = { at: now().toISOString(), ...vote, ...(previous ? { previous } : {}) };
      await mkdir(dataDir, { recursive: true });
      await appendFile(file, `${JSON.stringify(entry)}\n`, 'utf8');
      last.set(key, vote.vote);
      return entry;
    },
  };
}
