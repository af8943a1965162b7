/**
 * The store: the corpus's documents and their revision (documents.ts), and everything Griot
 * remembers between answers (the answer log, votes, Discord button and thread state, feeds, forum
 * settings, rate limits). One interface, opened once in the composition root (src/app.ts), passed in,
 * closed on shutdown. SQLite in DATA_DIR by default (src/store/sqlite.ts), PostgreSQL when
 * DATABASE_URL is set (src/store/postgres.ts), so that several hosts serve one bot; both pass one
 * test suite (tests/store/store.test.ts).
 */
import type { Lang } from '../types.js';
import type { DocumentStore } from './documents.js';
import type { FeedStore } from './feeds.js';

export type * from './documents.js';
export type * from './feeds.js';

/** How an answer was made: by the LLM, extractively (no LLM configured), or extractively after the LLM failed. */
export type LoggedMode = 'llm' | 'extractive' | 'fallback';

/** Where a question was asked. */
export type AnswerSource = 'discord' | 'cli';

/** Where an answer was given: the terminal, or a Discord message a moderator can jump to. */
export type AnswerOrigin =
  | { readonly source: 'cli' }
  | {
      readonly source: 'discord';
      /** The asker's Discord id: the store keeps only its salted hash. */
      readonly userId: string;
      /** Null in a DM. */
      readonly guildId: string | null;
      readonly channelId: string;
      /** The message showing the answer; null when it cannot be linked (a private reply). */
      readonly messageId: string | null;
    };

/** One record of the answer log, as written. */
export interface AnswerLogEntry {
  readonly answerId: string;
  readonly at: Date;
  readonly question: string;
  readonly lang: Lang;
  readonly mode: LoggedMode;
  /** Why the LLM was not used, when mode is 'fallback'. */
  readonly fallbackReason?: string;
  readonly refused: boolean;
  /** Distinct document ids the answer cites, in citation order. */
  readonly citedDocIds: readonly string[];
  readonly latencyMs: number;
  readonly origin: AnswerOrigin;
  /** Set for a forum post Griot considered on its own (auto-answer): whether it answered, and how sure it was. */
  readonly autoAnswer?: AutoAnswerDecision;
}

/** What auto-answer decided about a forum post. */
export interface AutoAnswerDecision {
  /** The forum channel (the post's thread is the origin's channel). */
  readonly forumId: string;
  /** True: the answer was posted; false: Griot stayed silent (or said it was unsure), and the record counts as refused. */
  readonly posted: boolean;
  /** The keyless answerer's confidence (0..1); null for an LLM answer, which has none. */
  readonly confidence: number | null;
}

/** The answer log: one record per answer, from Discord and the terminal. */
export interface AnswerLog {
  /** Writes one record (replacing one with the same answer id). Rejects on a write error: callers that must not fail use recordAnswer(). */
  record(entry: AnswerLogEntry): Promise<void>;
  /** What was asked in the `days` days up to `now`: the figures of /stats and `npm run stats`. */
  stats(query: StatsQuery): Promise<AnswerStats>;
}

export type Vote = 'up' | 'down';

/** 👍/👎 on answers, linked to the answer log by answer id; one vote per answer and user. */
export interface VoteStore {
  /** Records a vote; `previous` is the vote it replaced, when the user had voted on this answer before. */
  record(vote: { readonly answerId: string; readonly userId: string; readonly vote: Vote; readonly at?: Date }): Promise<{ readonly previous?: Vote }>;
}

export interface StatsQuery {
  /** Days counted back from `now`, today included. */
  readonly days: number;
  readonly now?: Date;
  /** Longest lists (top refused, latest 👎); default 10 and 5. */
  readonly topRefused?: number;
  readonly latestDown?: number;
}

/** What moderators read in /stats and `npm run stats -- --json`. */
export interface AnswerStats {
  readonly days: number;
  /** First day counted and the end of the window (ISO). */
  readonly since: string;
  readonly until: string;
  readonly questions: number;
  readonly answered: number;
  readonly refused: number;
  readonly byLanguage: Readonly<Record<string, number>>;
  readonly byMode: Readonly<Record<LoggedMode, number>>;
  readonly bySource: Readonly<Record<AnswerSource, number>>;
  /** Answer latency (ms); null with no answers. */
  readonly latencyMs: { readonly p50: number | null; readonly p95: number | null };
  /** Votes cast in the window; ratio = up / (up + down), null with no votes. */
  readonly votes: { readonly up: number; readonly down: number; readonly ratio: number | null };
  /** Questions per day, oldest first, every day of the window (zeros included); refused ones counted apart too. */
  readonly perDay: readonly { readonly day: string; readonly questions: number; readonly refused: number }[];
  /** Refused questions grouped by normalised text, most asked first: what the corpus lacks. */
  readonly topRefused: readonly { readonly question: string; readonly count: number }[];
  /** The latest 👎, newest first, with a link to the answer's message when there is one. */
  readonly latestDown: readonly DownVotedAnswer[];
  /** Forum posts auto-answer considered, per forum channel, most posts first. */
  readonly autoAnswer: readonly AutoAnswerCoverage[];
  /** Records this host still holds in memory for an unreachable database (absent when none, nothing dropped). */
  readonly pending?: PendingWrites;
}

/** How many of a forum's new posts Griot answered on its own. */
export interface AutoAnswerCoverage {
  readonly forumId: string;
  readonly posts: number;
  readonly answered: number;
}

export interface DownVotedAnswer {
  readonly answerId: string;
  /** When the 👎 was cast (ISO). */
  readonly at: string;
  /** Null when the answer's record is gone (not logged, or past retention). */
  readonly question: string | null;
  readonly url: string | null;
}

/** What the Discord side keeps between restarts, by kind: answers under buttons, paged lists, thread conversations. */
export type DiscordStateKind = 'answer' | 'view' | 'conversation';

/**
 * The Discord button and thread state: JSON values by kind and key (answer id, view id, thread
 * id), so that a click or a thread follow-up works after a restart, and in another shard process.
 * Bounded by LOG_RETENTION_DAYS, counted from the last write of each value.
 */
export interface DiscordStateStore {
  /** Writes (or replaces) a value; `at` (default now) starts its retention again. */
  put(kind: DiscordStateKind, key: string, value: unknown, at?: Date): Promise<void>;
  /** The value, or undefined when it was never written or is past retention. */
  get(kind: DiscordStateKind, key: string): Promise<unknown>;
}

/** A forum channel where Griot answers new posts on its own (/autoanswer on). */
export interface AutoAnswerSetting {
  readonly guildId: string;
  readonly forumId: string;
  /** The keyless confidence (0..1) at or above which a post is answered; below it Griot stays silent. */
  readonly minConfidence: number;
  /** Post a short "not in the corpus" reply when unsure, instead of staying silent. */
  readonly replyWhenUnsure: boolean;
  /** When it was turned on (or last changed). */
  readonly at: Date;
}

/**
 * Auto-answer settings per forum channel, kept until turned off (not pruned), and the posts
 * already taken up, so a post is answered once even across restarts and hosts.
 */
export interface AutoAnswerStore {
  /** Turns auto-answer on for a forum, or changes its settings. */
  enable(setting: AutoAnswerSetting): Promise<void>;
  /** Turns it off; false when it was not on. */
  disable(forumId: string): Promise<boolean>;
  /** The forum's setting, or undefined when auto-answer is off there. */
  get(forumId: string): Promise<AutoAnswerSetting | undefined>;
  /** Every forum of a guild where it is on, in the order they were turned on. */
  list(guildId: string): Promise<readonly AutoAnswerSetting[]>;
  /** True the first time a post (its thread id) is claimed, false ever after (within LOG_RETENTION_DAYS). */
  claimPost(threadId: string, at?: Date): Promise<boolean>;
}

/** The outcome of asking for one more request within a user's rate limit. */
export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/**
 * Per-user rate limits kept in the store, so a user's limit holds whichever host (or shard process)
 * answers: at most `limit` requests per key in any `windowMs` (a sliding window).
 */
export interface RateLimitStore {
  /** Counts a request by `key` (a user hash) at `at` (default now) when allowed; otherwise says how long until the next one is. */
  take(key: string, limit: number, windowMs: number, at?: Date): Promise<RateDecision>;
}

/** Writes the store holds in memory because its database cannot be reached (PostgreSQL outages). */
export interface PendingWrites {
  /** Answer records and votes waiting for the database. */
  readonly queued: number;
  /** Dropped because the queue was full, since start. */
  readonly dropped: number;
}

/** Damage found when the store was opened: reported, the readable part kept. */
export interface StoreProblem {
  readonly message: string;
  /** Where the damaged file was moved, for the operator to inspect or delete. */
  readonly movedTo?: string;
}

/** What a retention pass removed, per table. */
export type PruneReport = Readonly<Record<string, number>>;

/**
 * The store. Parts are added as properties (the answer log and votes here; the Discord button and
 * thread state next to them), all bounded by LOG_RETENTION_DAYS.
 */
export interface Store {
  /** The documents of the corpus (every source) and the revision the search index follows. */
  readonly documents: DocumentStore;
  /** The feeds the bot polls, their state, and the documents' near-duplicate fingerprints. */
  readonly feeds: FeedStore;
  readonly answers: AnswerLog;
  readonly votes: VoteStore;
  readonly discord: DiscordStateStore;
  readonly autoAnswer: AutoAnswerStore;
  readonly rateLimits: RateLimitStore;
  /** Where the store lives: the embedded SQLite file, or the PostgreSQL shared by every host. */
  readonly kind: 'sqlite' | 'postgres';
  /** Answer records and votes not yet written (always zero for SQLite, which writes or fails at once). */
  pending(): PendingWrites;
  /**
   * Calls `onChange` when another host may have changed the documents (PostgreSQL: NOTIFY, and after
   * each reconnect); absent when only this host writes them (SQLite).
   */
  followRevisions?(onChange: () => void): { stop(): Promise<void> };
  /**
   * Runs `fn` as the only reindex across every host sharing the store (PostgreSQL: an advisory lock,
   * released by the server if this process dies); a second one rejects with ReindexHeldError
   * naming who runs it. Absent for SQLite (one host).
   */
  exclusiveReindex?<T>(fn: () => Promise<T>): Promise<T>;
  /** The salted hash the store keeps instead of a user id (the salt is made once per install, in DATA_DIR). */
  hashUser(userId: string): string;
  /** Damage found at open (empty when the store was sound). */
  readonly problems: readonly StoreProblem[];
  /** Removes records older than the retention; runs at open and hourly in long-running processes. */
  prune(now?: Date): Promise<PruneReport>;
  /** Closes the database; later calls reject. Safe to call twice. */
  close(): Promise<void>;
}
