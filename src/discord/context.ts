import type { DiscordConfig } from '../config.js';
import type { Engine } from '../engine.js';
import type { FeedService } from '../sources/feeds/service.js';
import type { Logger } from '../logger.js';
import type { DiscordStateKind, Store } from '../store/types.js';
import type { FetchSettings } from '../sources/fetch.js';
import { DOCUMENT_SOURCE_KINDS, type DocumentSourceKind } from '../store/documents.js';
import type { Answer, TimelineQuery, Turn } from '../types.js';
import { BoundedMap } from './bounded-map.js';
import { storeRateLimiter, type UserRateLimiter } from './store-rate-limit.js';
import { UserError } from './user-error.js';

/** An answer the bot showed, kept so its buttons (votes, sources, escalation) can refer to it. */
export interface ShownAnswer {
  readonly answer: Answer;
  /** Link to the message with the answer's buttons. */
  readonly url?: string;
}

/** What a paged list (/sources, /timeline) is a view of: its pages are made again from it on each click. */
export type ViewSpec =
  | { readonly kind: 'sources' }
  | { readonly kind: 'timeline'; readonly query: TimelineQuery }
  /** /documents list: the store's documents, filtered by source and words. */
  | { readonly kind: 'documents'; readonly source?: DocumentSourceKind; readonly query?: string };

/**
 * State the bot keeps for its buttons and threads: written through to the store (so it outlives a
 * restart and is seen by every shard process), with the recent values in memory.
 */
export interface Remembered<T> {
  /**
   * The value, or undefined when it is gone (never written, or past retention); rejects with a
   * UserError ("try again in a moment") when the store cannot be read.
   */
  get(key: string): Promise<T | undefined>;
  /** Keeps the value; a store that cannot be written is a warning, the value stays in memory. */
  set(key: string, value: T): Promise<void>;
}

/** Everything commands and components use; built once per bot, passed in (no globals). */
export interface BotContext {
  readonly engine: Engine;
  readonly config: DiscordConfig;
  readonly logger: Logger;
  /** RATE_LIMIT_PER_MINUTE, counted in the store (shared by every host and shard). */
  readonly limiter: UserRateLimiter;
  /** The answer log and votes (opened by the app, closed by whoever runs it). */
  readonly store: Store;
  /** Answers under buttons, by answer id. */
  readonly answers: Remembered<ShownAnswer>;
  /** Paginated lists (/sources, /timeline), by view id. */
  readonly views: Remembered<ViewSpec>;
  /** Threads the bot answers in, by thread id → the conversation so far. */
  readonly conversations: Remembered<readonly Turn[]>;
  /** LOG_RETENTION_DAYS: how long button and thread state is kept, for the message when it is gone. */
  readonly retentionDays: number;
  /** Minimum time between two edits of a streaming answer. */
  readonly streamIntervalMs: number;
  /** Where /reindex uploads go (CORPUS_DIR) and their size limit; absent: uploads are refused. */
  readonly corpus?: CorpusTarget;
  /** The feeds /feeds manages; absent: /feeds says they are not available. */
  readonly feeds?: FeedService;
  /** FEED_POLL_MINUTES, for /feeds add's reply. */
  readonly feedPollMinutes?: number;
}

/** CORPUS_DIR and MAX_DOCUMENT_BYTES, for uploads. */
export interface CorpusTarget {
  readonly dir: string;
  readonly maxBytes: number;
  /** FETCH_* settings for /add url: (absent: the defaults, no private addresses). */
  readonly fetch?: FetchSettings;
}

export interface ContextOptions {
  readonly engine: Engine;
  readonly config: DiscordConfig;
  readonly store: Store;
  readonly logger: Logger;
  /** LOG_RETENTION_DAYS (default 90). */
  readonly retentionDays?: number;
  readonly streamIntervalMs?: number;
  readonly corpus?: CorpusTarget;
  readonly feeds?: FeedService;
  readonly feedPollMinutes?: number;
}

/** Builds the bot's services from the config. */
export function createContext(options: ContextOptions): BotContext {
  return {
    engine: options.engine,
    config: options.config,
    logger: options.logger,
    limiter: storeRateLimiter(options.store, options.config.rateLimitPerMinute, options.logger),
    store: options.store,
    answers: remembered(options.store, 'answer', 2000, parseShownAnswer, options.logger),
    views: remembered(options.store, 'view', 500, parseViewSpec, options.logger),
    conversations: remembered(options.store, 'conversation', 1000, parseTurns, options.logger),
    retentionDays: options.retentionDays ?? 90,
    // 1.25 s: at most one edit per second, and the final edit never makes a sixth in 5 s.
    streamIntervalMs: options.streamIntervalMs ?? 1250,
    ...(options.corpus ? { corpus: options.corpus } : {}),
    ...(options.feeds ? { feeds: options.feeds } : {}),
    ...(options.feedPollMinutes ? { feedPollMinutes: options.feedPollMinutes } : {}),
  };
}

/** Keeps the last turns of a conversation, answers shortened, so prompts stay bounded. */
export function appendTurn(turns: readonly Turn[], turn: Turn, maxTurns = 4, maxAnswer = 1200): Turn[] {
  const shortened = { question: turn.question, answer: turn.answer.length > maxAnswer ? `${turn.answer.slice(0, maxAnswer)}…` : turn.answer };
  return [...turns, shortened].slice(-maxTurns);
}

/** The reply to a click whose state the store cannot give right now (a database outage). */
export const STATE_UNREADABLE = 'I cannot reach my storage right now. Try again in a moment.';

/** A Remembered over one kind of the store's Discord state, the last `cached` values in memory. */
export function remembered<T>(
  store: Store,
  kind: DiscordStateKind,
  cached: number,
  parse: (value: unknown) => T | undefined,
  logger: Logger,
): Remembered<T> {
  const memory = new BoundedMap<string, T>(cached);
  return {
    async get(key) {
      const hit = memory.get(key);
      if (hit !== undefined) return hit;
      let value: T | undefined;
      try {
        value = parse(await store.discord.get(kind, key));
      } catch (err) {
        // Not "gone": the state may well be there (another host wrote it); the store is out of reach for now.
        logger.warn({ err, kind }, 'could not read Discord state from the store');
        throw new UserError(STATE_UNREADABLE);
      }
      if (value !== undefined) memory.set(key, value);
      return value;
    },
    async set(key, value) {
      memory.set(key, value);
      try {
        await store.discord.put(kind, key, value);
      } catch (err) {
        logger.warn({ err, kind }, 'could not save Discord state to the store; it lasts until a restart');
      }
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A stored ShownAnswer, or undefined for anything else (an older shape is treated as gone). */
function parseShownAnswer(v: unknown): ShownAnswer | undefined {
  if (!isObject(v) || !isObject(v.answer) || typeof v.answer.id !== 'string' || !Array.isArray(v.answer.citations)) return undefined;
  return v as unknown as ShownAnswer;
}

function parseViewSpec(v: unknown): ViewSpec | undefined {
  if (!isObject(v)) return undefined;
  if (v.kind === 'sources') return { kind: 'sources' };
  if (v.kind === 'timeline' && isObject(v.query)) return v as unknown as ViewSpec;
  if (v.kind === 'documents') {
    const source = DOCUMENT_SOURCE_KINDS.find((k) => k === v.source);
    return { kind: 'documents', ...(source ? { source } : {}), ...(typeof v.query === 'string' ? { query: v.query } : {}) };
  }
  return undefined;
}

function parseTurns(v: unknown): readonly Turn[] | undefined {
  if (!Array.isArray(v) || !v.every((t) => isObject(t) && typeof t.question === 'string' && typeof t.answer === 'string')) return undefined;
  return v as Turn[];
}
