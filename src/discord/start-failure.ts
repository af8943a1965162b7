/**
 * Why logging in to Discord failed at start, and whether trying again can help: network failures
 * (refused, DNS, reset, timeout) and Discord's own 5xx/429 pass; a rejected token or a refused
 * intent does not, and gets one line saying what to change.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayCloseCodes } from 'discord.js';
import type { Logger } from '../logger.js';
import { DiscordSetupError } from './setup-error.js';

/** What to do about a failed start. */
export type StartFailure =
  | { readonly retry: true; /** One line for the log, no stack. */ readonly reason: string }
  | { readonly retry: false; readonly error: Error };

/** Error codes of a network that is down or of a host that cannot be reached (Node and undici). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
]);

const TOKEN_REJECTED =
  'Discord rejected DISCORD_TOKEN. Copy a fresh bot token from the Developer Portal (Bot → Reset Token) into .env.';

/** The one line for each gateway close that reconnecting cannot fix. */
const FATAL_CLOSES: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]: TOKEN_REJECTED,
  [GatewayCloseCodes.DisallowedIntents]:
    'Discord refused the Message Content intent (gateway close 4014), which ANSWER_MENTIONS=true needs. Turn it on in the Developer Portal (your app → Bot → Privileged Gateway Intents → Message Content Intent), or set ANSWER_MENTIONS=false.',
  [GatewayCloseCodes.InvalidIntents]: 'Discord refused the gateway intents as invalid (close 4013); this is a bug in Griot, please report it.',
  [GatewayCloseCodes.ShardingRequired]:
    'Discord requires sharding for this bot (gateway close 4011): set SHARD_COUNT=auto, or run npm run start:sharded.',
  [GatewayCloseCodes.InvalidShard]: 'Discord refused the shard (gateway close 4010): check SHARD_COUNT (a whole number, or auto).',
  [GatewayCloseCodes.InvalidAPIVersion]: 'Discord refused the gateway API version (close 4012): update discord.js (npm install).',
};

/** The gateway closed a shard for good while the bot was starting. */
export class GatewayClosedError extends Error {
  constructor(readonly code: number) {
    super(`the Discord gateway closed the connection with code ${code}`);
    this.name = 'GatewayClosedError';
  }
}

/** Classifies an error from `client.login()` or a gateway close during start. */
export function classifyStartFailure(err: unknown): StartFailure {
  if (err instanceof GatewayClosedError) {
    const fatal = FATAL_CLOSES[err.code];
    return fatal ? { retry: false, error: new DiscordSetupError(fatal) } : { retry: true, reason: err.message };
  }
  const e = err as { code?: unknown; status?: unknown; name?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
  if (e?.code === 'TokenInvalid' || e?.status === 401) return { retry: false, error: new DiscordSetupError(TOKEN_REJECTED) };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  if (code && NETWORK_CODES.has(code)) return { retry: true, reason: String(e?.message ?? code) };
  if (typeof e?.status === 'number' && (e.status >= 500 || e.status === 429)) {
    return { retry: true, reason: `Discord answered ${e.status}: ${String(e.message ?? '')}`.trim() };
  }
  // @discordjs/rest aborts a request that takes longer than its timeout.
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return { retry: true, reason: 'the request to Discord timed out' };
  return { retry: false, error: err instanceof Error ? err : new Error(String(err)) };
}

/** Backoff between start attempts. */
export interface RetryPolicy {
  /** Wait before the second attempt (default 1 s); doubles each time. */
  readonly initialMs: number;
  /** The longest wait (default 60 s): the bot keeps trying at this pace until the network is back. */
  readonly maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialMs: 1000, maxMs: 60_000 };

/**
 * The wait after failed attempt `attempt` (1-based): doubling from `initialMs` up to `maxMs`, with
 * ±20 % jitter so that shard processes restarted together do not retry in step.
 */
export function retryDelay(attempt: number, policy: RetryPolicy = DEFAULT_RETRY, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(30, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Runs `attempt` until it succeeds, waiting as `policy` says after each failure that retrying can
 * fix (one warning per attempt, with the reason and the wait); rethrows at once, as the error
 * naming the fix, what it cannot.
 */
export async function retryWhileUnreachable<T>(attempt: () => Promise<T>, logger: Logger, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      const result = await attempt();
      if (n > 1) logger.info({ attempt: n }, 'connected to Discord');
      return result;
    } catch (err) {
      const failure = classifyStartFailure(err);
      if (!failure.retry) throw failure.error;
      const retryInMs = retryDelay(n, policy);
      logger.warn({ attempt: n, retryInMs, reason: failure.reason }, 'cannot reach Discord; retrying');
      await sleep(retryInMs);
    }
  }
}
