import { z } from 'zod';
import { defaultContextTokens } from './llm/context-window.js';

/**
 * Every setting Griot reads, validated once at start-up. `loadConfig` is handed the environment
 * (main.ts passes process.env after dotenv); nothing else reads process.env.
 */

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const bool = (fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
        error: 'expected one of 1/0, true/false, yes/no, on/off',
      })
      .optional()
      .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v))),
  );

/**
 * A whole number written in plain decimal digits within [min, max], or the one `message`: Number()
 * would read "0x10" as 16 and "1e3" as 1000, which a setting must not silently accept.
 */
const digits = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => /^\d{1,16}$/.test(v) && Number(v) >= min && Number(v) <= max, { error: message })
    .transform(Number);

const int = (fallback: number, min: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    digits(min, max, `expected a whole number from ${min} to ${max}, in plain digits`)
      .optional()
      .transform((v) => v ?? fallback),
  );

/** A Discord snowflake: 17–20 digits. */
const snowflake = z.string().regex(/^\d{17,20}$/, { error: 'expected a Discord id (17 to 20 digits)' });

const snowflakeList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return [] as string[];
      const ids = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const id of ids) {
        if (!/^\d{17,20}$/.test(id)) {
          ctx.addIssue({ code: 'custom', message: `expected comma-separated Discord ids (17 to 20 digits), got "${id}"` });
        }
      }
      return ids;
    }),
);

/** SHARD_LIST: comma-separated shard ids (whole numbers from 0), no repeats. */
const shardList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const parts = v.split(',').map((s) => s.trim()).filter(Boolean);
      const ids: number[] = [];
      for (const part of parts) {
        if (!/^\d{1,4}$/.test(part)) {
          ctx.addIssue({ code: 'custom', message: `expected comma-separated shard ids such as 0,1,2 (whole numbers from 0), got "${part}"` });
          continue;
        }
        if (ids.includes(Number(part))) ctx.addIssue({ code: 'custom', message: `shard ${part} is listed twice` });
        ids.push(Number(part));
      }
      if (parts.length === 0) ctx.addIssue({ code: 'custom', message: 'expected at least one shard id, such as 0,1' });
      return ids;
    }),
);

const url = z.preprocess(
  emptyToUndefined,
  z.url({ error: 'expected an http(s) URL such as http://127.0.0.1:11434/v1', protocol: /^https?$/ }).optional(),
);

/** DATABASE_URL: a PostgreSQL connection URL (postgres:// or postgresql://). */
const databaseUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      let parsed: URL | undefined;
      try {
        parsed = new URL(v);
      } catch {
        // Reported below.
      }
      if (!parsed || !/^postgres(ql)?:$/.test(parsed.protocol) || !parsed.hostname) {
        ctx.addIssue({ code: 'custom', message: 'expected a PostgreSQL URL such as postgres://griot:password@db.example:5432/griot (leave it unset for the embedded SQLite store)' });
      }
    }),
);

const schema = z.object({
  DATABASE_URL: databaseUrl,
  CORPUS_DIR: z.preprocess(emptyToUndefined, z.string().default('./seeds')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'expected one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  MAX_DOCUMENT_BYTES: int(1024 * 1024, 1024, 64 * 1024 * 1024),
  LOG_RETENTION_DAYS: int(90, 1, 3650),
  FETCH_ALLOW_PRIVATE: bool(false),
  FETCH_TIMEOUT_MS: int(20_000, 1000, 300_000),
  FETCH_MAX_BYTES: int(10 * 1024 * 1024, 64 * 1024, 256 * 1024 * 1024),
  FEED_POLL_MINUTES: int(30, 1, 7 * 24 * 60),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url,
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  LLM_TIMEOUT_MS: int(30_000, 100, 600_000),
  LLM_MAX_RETRIES: int(2, 0, 10),
  LLM_MAX_CONCURRENCY: int(4, 1, 64),
  LLM_CONTEXT_TOKENS: z.preprocess(
    emptyToUndefined,
    digits(1024, 2_000_000, "expected the model's context window in tokens, a whole number from 1024 to 2000000 (e.g. 8192; match Ollama's num_ctx)").optional(),
  ),

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: z.preprocess(emptyToUndefined, snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess(emptyToUndefined, snowflake.optional()),
  DISCORD_API_URL: url,
  ANSWER_MENTIONS: bool(true),
  ALLOWED_CHANNEL_IDS: snowflakeList,
  ESCALATION_ROLE_ID: z.preprocess(emptyToUndefined, snowflake.optional()),
  MODERATOR_ROLE_IDS: snowflakeList,
  RATE_LIMIT_PER_MINUTE: int(6, 1, 1000),
  WATCH_CORPUS: bool(false),
  SHARD_COUNT: z.preprocess(
    emptyToUndefined,
    z
      .union([z.literal('auto'), digits(1, 1000, 'not a number')], { error: 'expected "auto" or a whole number of shards from 1 to 1000' })
      .optional()
      .transform((v) => v ?? 'auto'),
  ),
  SHARD_LIST: shardList,
  TOTAL_SHARDS: z.preprocess(
    emptyToUndefined,
    digits(1, 1000, 'expected the whole number of shards across all hosts, from 1 to 1000').optional(),
  ),
}).superRefine((e, ctx) => {
  // Hosts must agree on the total, so a host running part of the shards has to be told it.
  if (e.SHARD_LIST && e.TOTAL_SHARDS === undefined) {
    ctx.addIssue({ code: 'custom', path: ['SHARD_LIST'], message: 'needs TOTAL_SHARDS too (the number of shards across all hosts, the same on every host)' });
  }
  const over = e.SHARD_LIST && e.TOTAL_SHARDS !== undefined ? e.SHARD_LIST.filter((id) => id >= e.TOTAL_SHARDS!) : [];
  if (over.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['SHARD_LIST'],
      message: `shard ids go from 0 to TOTAL_SHARDS - 1 (${e.TOTAL_SHARDS! - 1}); ${over.join(', ')} is out of range`,
    });
  }
});

type Parsed = z.infer<typeof schema>;

/** Validated, frozen settings. */
export interface Config {
  readonly corpusDir: string;
  readonly dataDir: string;
  readonly logLevel: Parsed['LOG_LEVEL'];
  readonly maxDocumentBytes: number;
  /** LOG_RETENTION_DAYS: answer-log records, votes and Discord state older than this are removed. */
  readonly logRetentionDays: number;
  /**
   * DATABASE_URL: the store on PostgreSQL, shared by every host of one bot; undefined: the embedded
   * SQLite store in DATA_DIR. Holds a password: never logged.
   */
  readonly databaseUrl: string | undefined;
  /** Null: no LLM configured, answers are extractive. */
  readonly llm: LlmConfig | null;
  readonly discord: DiscordConfig;
  /** How Griot fetches links and feeds (src/sources/fetch.ts). */
  readonly fetch: FetchConfig;
  /** FEED_POLL_MINUTES: how often the bot polls each feed. */
  readonly feedPollMinutes: number;
}

export interface FetchConfig {
  /** FETCH_ALLOW_PRIVATE: also fetch from loopback, private, link-local and unique-local addresses (intranet sources, tests). */
  readonly allowPrivate: boolean;
  /** FETCH_TIMEOUT_MS: the most one fetch may take, redirects included. */
  readonly timeoutMs: number;
  /** FETCH_MAX_BYTES: the most bytes a downloaded page, PDF or feed may have (after decompression). */
  readonly maxBytes: number;
}

export interface LlmConfig {
  /** May be a placeholder for local servers; never logged. */
  readonly apiKey: string;
  /** Undefined: the openai package's default (OpenAI). */
  readonly baseURL: string | undefined;
  readonly model: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxConcurrency: number;
  /**
   * LLM_CONTEXT_TOKENS: the most tokens one request may take, prompt and answer together (default by
   * model, src/llm/context-window.ts).
   */
  readonly contextTokens: number;
}

export interface DiscordConfig {
  /** Undefined: the bot cannot start; the CLI still works. Never logged. */
  readonly token: string | undefined;
  readonly applicationId: string | undefined;
  readonly guildId: string | undefined;
  /** REST base URL override (proxies, the tests' fake Discord). */
  readonly apiUrl: string | undefined;
  readonly answerMentions: boolean;
  readonly allowedChannelIds: readonly string[];
  readonly escalationRoleId: string | undefined;
  readonly moderatorRoleIds: readonly string[];
  readonly rateLimitPerMinute: number;
  readonly watchCorpus: boolean;
  readonly shardCount: 'auto' | number;
  /** SHARD_LIST: the shard ids this host runs under `start:sharded`; undefined: all of them. */
  readonly shardList: readonly number[] | undefined;
  /** TOTAL_SHARDS: the shard count across all hosts; overrides SHARD_COUNT for `start:sharded`. */
  readonly totalShards: number | undefined;
}

/** Thrown when the environment is invalid; the message names each variable and what is expected. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix these in .env or the environment (see .env.example).`);
    this.name = 'ConfigError';
  }
}

/** Variables whose value is a secret: never shown, even when invalid (by role, not by a word in the name). */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['OPENAI_API_KEY', 'DISCORD_TOKEN', 'DATABASE_URL']);

/** A value as shown in an error: at most 40 characters. */
function shortValue(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}…` : value;
}

/** Parses the environment into a frozen Config, or throws ConfigError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    // One line per variable (a value can break several rules), the value shown unless the variable holds a secret.
    const problems = new Map<string, string>();
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      if (problems.has(name)) continue;
      const value = env[name];
      const shown = value === undefined || SECRET_VARIABLES.has(name) ? '' : ` (got "${shortValue(value)}")`;
      problems.set(name, `${name}: ${issue.message}${shown}`);
    }
    throw new ConfigError([...problems.values()]);
  }
  const e = result.data;
  const llmEnabled = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  const config: Config = {
    corpusDir: e.CORPUS_DIR,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
    logRetentionDays: e.LOG_RETENTION_DAYS,
    databaseUrl: e.DATABASE_URL,
    llm: llmEnabled
      ? {
          // Local servers ignore the key, but the openai client insists on one.
          apiKey: e.OPENAI_API_KEY ?? 'no-key',
          baseURL: e.OPENAI_BASE_URL,
          model: e.OPENAI_MODEL,
          timeoutMs: e.LLM_TIMEOUT_MS,
          maxRetries: e.LLM_MAX_RETRIES,
          maxConcurrency: e.LLM_MAX_CONCURRENCY,
          contextTokens: e.LLM_CONTEXT_TOKENS ?? defaultContextTokens(e.OPENAI_MODEL),
        }
      : null,
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      answerMentions: e.ANSWER_MENTIONS,
      allowedChannelIds: e.ALLOWED_CHANNEL_IDS,
      escalationRoleId: e.ESCALATION_ROLE_ID,
      moderatorRoleIds: e.MODERATOR_ROLE_IDS,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      watchCorpus: e.WATCH_CORPUS,
      shardCount: e.SHARD_COUNT,
      shardList: e.SHARD_LIST,
      totalShards: e.TOTAL_SHARDS,
    },
    fetch: {
      allowPrivate: e.FETCH_ALLOW_PRIVATE,
      timeoutMs: e.FETCH_TIMEOUT_MS,
      maxBytes: e.FETCH_MAX_BYTES,
    },
    feedPollMinutes: e.FEED_POLL_MINUTES,
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
