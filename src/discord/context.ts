import type { APIEmbed } from 'discord.js';
import type { DiscordConfig } from '../config.js';
import type { Engine } from '../engine.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import type { Answer, Turn } from '../types.js';
import { BoundedMap } from './bounded-map.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';

/** An answer the bot showed, kept so its buttons (votes, sources, escalation) can refer to it. */
export interface ShownAnswer {
  readonly answer: Answer;
  /** Link to the message with the answer's buttons. */
  readonly url?: string;
}

/** Everything commands and components use; built once per bot, passed in (no globals). */
export interface BotContext {
  readonly engine: Engine;
  readonly config: DiscordConfig;
  readonly logger: Logger;
  readonly limiter: RateLimiter;
  /** The answer log and votes (opened by the app, closed by whoever runs it). */
  readonly store: Store;
  readonly answers: BoundedMap<string, ShownAnswer>;
  /** Paginated lists (/sources, /timeline), by view id. */
  readonly views: BoundedMap<string, readonly APIEmbed[]>;
  /** Threads the bot answers in, by thread id → the conversation so far. */
  readonly conversations: BoundedMap<string, Turn[]>;
  /** Minimum time between two edits of a streaming answer. */
  readonly streamIntervalMs: number;
  /** Where /reindex uploads go (CORPUS_DIR) and their size limit; absent: uploads are refused. */
  readonly corpus?: CorpusTarget;
}

/** CORPUS_DIR and MAX_DOCUMENT_BYTES, for uploads. */
export interface CorpusTarget {
  readonly dir: string;
  readonly maxBytes: number;
}

export interface ContextOptions {
  readonly engine: Engine;
  readonly config: DiscordConfig;
  readonly store: Store;
  readonly logger: Logger;
  readonly streamIntervalMs?: number;
  readonly corpus?: CorpusTarget;
}

/** Builds the bot's services from the config. */
export function createContext(options: ContextOptions): BotContext {
  return {
    engine: options.engine,
    config: options.config,
    logger: options.logger,
    limiter: createRateLimiter({ limit: options.config.rateLimitPerMinute }),
    store: options.store,
    answers: new BoundedMap(2000),
    views: new BoundedMap(500),
    conversations: new BoundedMap(1000),
    // 1.25 s: at most one edit per second, and the final edit never makes a sixth in 5 s.
    streamIntervalMs: options.streamIntervalMs ?? 1250,
    ...(options.corpus ? { corpus: options.corpus } : {}),
  };
}

/** Keeps the last turns of a conversation, answers shortened, so prompts stay bounded. */
export function appendTurn(turns: readonly Turn[], turn: Turn, maxTurns = 4, maxAnswer = 1200): Turn[] {
  const shortened = { question: turn.question, answer: turn.answer.length > maxAnswer ? `${turn.answer.slice(0, maxAnswer)}…` : turn.answer };
  return [...turns, shortened].slice(-maxTurns);
}
