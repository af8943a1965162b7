/** What `npm run doctor` reports: one check per line. */

/**
 * ok: works. warn: works, but worth knowing (e.g. no saved index yet: the first start builds it).
 * fail: configured and broken; the exit code is then non-zero. not-configured: the part is off
 * (no key, no token), which is fine. skipped: could not be checked because an earlier check failed.
 */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'not-configured' | 'skipped';

/** One check's outcome. */
export interface Check {
  /** Stable name, e.g. `corpus`, `llm.endpoint`, `discord.channel.123`. */
  readonly id: string;
  readonly status: CheckStatus;
  /** One line: what was found. */
  readonly summary: string;
  /** What to do, for fail and warn (and how to turn a part on, for not-configured). */
  readonly fix?: string;
  /** Further lines under the check (e.g. each skipped file and why). */
  readonly details?: readonly string[];
  /** Measurements and facts for --json (latency, counts). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Every check, in order; `ok` is false when any configured part failed. */
export interface DoctorReport {
  readonly ok: boolean;
  readonly checks: readonly Check[];
}

/** A check that could not run because `because` failed first. */
export function skipped(id: string, because: string): Check {
  return { id, status: 'skipped', summary: `not checked: ${because}` };
}
