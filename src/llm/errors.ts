import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai';

/** Why an LLM call failed, in the categories a user can act on. */
export type LlmFailureKind =
  | 'timeout'
  | 'auth'
  | 'model'
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'malformed'
  | 'bad-request'
  | 'aborted'
  | 'unknown';

/**
 * A failed LLM call. `reason` is a short clause fit for users ("the LLM endpoint rejected the API
 * key"); `hint` tells the operator what to do; the message joins both with scrubbed detail, for logs.
 * Never carries the original error (its message or request may hold the API key).
 */
export class LlmError extends Error {
  readonly status: number | undefined;
  readonly hint: string | undefined;
  /** For a 'timeout': what had happened by the deadline. */
  readonly timeout: TimeoutFacts | undefined;
  constructor(
    readonly kind: LlmFailureKind,
    readonly reason: string,
    extra: { status?: number | undefined; hint?: string; detail?: string; timeout?: TimeoutFacts } = {},
  ) {
    super([reason, extra.hint, extra.detail ? `detail: ${extra.detail}` : undefined].filter(Boolean).join('; '));
    this.name = 'LlmError';
    this.status = extra.status;
    this.hint = extra.hint;
    this.timeout = extra.timeout;
  }
}

/** A stream that sent something other than chat-completion chunks (bad JSON, no choices…). */
export class MalformedStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedStreamError';
  }
}

/**
 * How far the LLM had got when a call's deadline passed: still waiting for a free slot
 * (LLM_MAX_CONCURRENCY), no response at all, a response begun but not finished (headers, part of a
 * JSON body, or a stream with no text yet), or text still arriving.
 */
export type TimeoutPhase = 'queued' | 'no-reply' | 'unfinished' | 'writing';

/** What a timed-out call had done by its deadline. */
export interface TimeoutFacts {
  readonly phase: TimeoutPhase;
  /** The whole allowance the deadline was set from (LLM_TIMEOUT_MS for an answer). */
  readonly allowedMs: number;
  /** HTTP requests sent, retries included (0 while queued). */
  readonly attempts: number;
}

/** The call's deadline passed (the openai client only times the wait for headers, and per attempt). */
export class DeadlineError extends Error {
  constructor(readonly facts: TimeoutFacts) {
    super(`the LLM call's deadline passed (${facts.phase}, ${facts.attempts} attempt(s))`);
    this.name = 'DeadlineError';
  }
}

/** What a classification needs to know about the call. */
export interface FailureContext {
  readonly timeoutMs: number;
  readonly model: string;
  readonly maxRetries: number;
  /** Values scrubbed from any detail text (the API key). */
  readonly secrets: readonly string[];
}

/**
 * Turns anything an LLM call threw into an LlmError with a user-facing reason. Server-supplied
 * messages only reach the (scrubbed) detail, never the reason: they may echo the key.
 */
export function toLlmError(err: unknown, ctx: FailureContext): LlmError {
  if (err instanceof LlmError) return err;
  const detail = scrub(errorText(err), ctx.secrets);
  const retries = ctx.maxRetries === 1 ? '1 retry' : `${ctx.maxRetries} retries`;
  const after = ctx.maxRetries > 0 ? ` after ${retries}` : '';
  const timeout = (facts: TimeoutFacts = { phase: 'no-reply', allowedMs: ctx.timeoutMs, attempts: 1 }) =>
    new LlmError('timeout', timeoutReason(facts), { detail, hint: 'raise LLM_TIMEOUT_MS if the model is slow', timeout: facts });

  if (err instanceof DeadlineError) return timeout(err.facts);
  if (err instanceof MalformedStreamError || err instanceof SyntaxError) {
    return new LlmError('malformed', 'the LLM endpoint sent a malformed stream', { detail, hint: 'check that OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint' });
  }
  // Order matters: the timeout and abort errors are subclasses of the connection error and APIError.
  if (err instanceof APIUserAbortError || isAbortError(err)) {
    return new LlmError('aborted', 'the request was cancelled', { detail });
  }
  if (err instanceof APIConnectionTimeoutError) return timeout();
  if (err instanceof APIConnectionError) {
    return new LlmError('network', `could not reach the LLM endpoint (${networkCause(err)})`, {
      detail,
      hint: 'check OPENAI_BASE_URL and that the server is running',
    });
  }
  if (err instanceof APIError) {
    const status = err.status;
    const code = typeof err.code === 'string' ? err.code : '';
    if (status === 401 || status === 403) {
      return new LlmError('auth', `the LLM endpoint rejected the API key (HTTP ${status})`, { status, detail, hint: 'check OPENAI_API_KEY' });
    }
    if (status === 404 || code === 'model_not_found') {
      return new LlmError('model', `the LLM endpoint does not know the model "${ctx.model}"`, { status, detail, hint: 'check OPENAI_MODEL' });
    }
    if (status === 429) {
      return new LlmError('rate-limit', `the LLM endpoint is rate limiting requests (HTTP 429${after})`, { status, detail, hint: 'wait, or lower LLM_MAX_CONCURRENCY' });
    }
    if (status !== undefined && status >= 500) {
      return new LlmError('server', `the LLM endpoint failed (HTTP ${status}${after})`, { status, detail });
    }
    if (status === undefined) {
      // An error object inside an otherwise successful stream.
      return new LlmError('server', 'the LLM endpoint reported an error mid-answer', { detail });
    }
    return new LlmError('bad-request', `the LLM endpoint refused the request (HTTP ${status})`, { status, detail });
  }
  if (err instanceof TypeError && /terminated|socket|other side closed/i.test(detail)) {
    return new LlmError('network', 'the connection to the LLM endpoint broke mid-answer', { detail });
  }
  return new LlmError('unknown', 'the LLM call failed unexpectedly', { detail });
}

/** What a timeout did, in words: "the LLM sent no reply within 2 s (LLM_TIMEOUT_MS; 3 attempts)". */
export function timeoutReason(facts: TimeoutFacts): string {
  const allowed = `${formatSeconds(facts.allowedMs)} (LLM_TIMEOUT_MS${facts.attempts > 1 ? `; ${facts.attempts} attempts` : ''})`;
  switch (facts.phase) {
    case 'queued':
      return `the LLM was busy with other questions (LLM_MAX_CONCURRENCY) for all of ${allowed}`;
    case 'no-reply':
      return `the LLM sent no reply within ${allowed}`;
    case 'unfinished':
      return `the LLM began a reply but did not finish it within ${allowed}`;
    case 'writing':
      return `the LLM was still writing its answer after ${allowed}`;
  }
}

/** Removes every secret from a text. */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((acc, s) => acc.split(s).join('[Redacted]'), text);
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
  }
  return String(err);
}

function isAbortError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'APIUserAbortError');
}

/** The socket-level cause of a connection error, in words ("connection refused"). */
function networkCause(err: APIConnectionError): string {
  let current: unknown = err;
  for (let i = 0; i < 5 && current instanceof Error; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      const known: Record<string, string> = {
        ECONNREFUSED: 'connection refused',
        ENOTFOUND: 'host not found',
        EAI_AGAIN: 'host not found',
        ECONNRESET: 'connection reset',
        EHOSTUNREACH: 'host unreachable',
        ENETUNREACH: 'network unreachable',
        CERT_HAS_EXPIRED: 'TLS certificate expired',
      };
      if (known[code]) return known[code];
    }
    current = (current as { cause?: unknown }).cause;
  }
  return 'connection failed';
}

/** "30 s", "0.3 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
