import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { fsProblem } from './fs-problem.js';

export type { Logger } from 'pino';

/**
 * Paths whose values never reach a log line. Secrets live in config objects, request options and
 * headers; listing them here means a careless `log.info({ config })` still leaks nothing.
 */
export const REDACTED_PATHS: readonly string[] = [
  'apiKey',
  'token',
  'authorization',
  'Authorization',
  '*.apiKey',
  '*.token',
  '*.authorization',
  '*.Authorization',
  '*.*.apiKey',
  '*.*.token',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'OPENAI_API_KEY',
  'DISCORD_TOKEN',
  '*.OPENAI_API_KEY',
  '*.DISCORD_TOKEN',
];

export interface LoggerOptions {
  readonly level: LevelWithSilent;
  /** Secret values to scrub from any string that reaches the log (error messages, URLs…). */
  readonly secrets?: readonly (string | undefined)[];
  /**
   * A person reads the lines (a terminal): one short line per event ("warning: could not save the
   * index: no space left on the disk"), no JSON, no stack. The details stay at LOG_LEVEL=debug, which
   * keeps JSON lines, and in `npm run doctor`.
   */
  readonly human?: boolean;
}

const LABELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warning', 50: 'error', 60: 'fatal' };

/**
 * Turns JSON log lines into short lines for a person: "warning: <msg>: <what went wrong>". One line
 * per problem: a line whose cause was already shown (DATA_DIR a file makes the index, the timeline
 * cache and the answer log fail alike) is left out; LOG_LEVEL=debug and `npm run doctor` have it all.
 */
export function humanLines(): (json: string) => string {
  const shown: string[] = [];
  return (json) => {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(json) as Record<string, unknown>;
    } catch {
      return json;
    }
    const label = LABELS[Number(entry.level)] ?? 'log';
    const msg = String(entry.msg ?? '');
    const cause = entry.err && typeof entry.err === 'object' ? fsProblem(entry.err) : typeof entry.reason === 'string' ? entry.reason : '';
    const text = [msg, typeof entry.file === 'string' ? entry.file : '', cause].filter(Boolean).join(': ');
    // Either way round: a store error wraps the same file-system problem the index reports bare.
    if (shown.some((c) => text.includes(c) || (cause !== '' && c.includes(cause)))) return '';
    // A line whose problem is only in its message (no err) still covers a later line with that cause.
    shown.push(cause || text);
    return `${label}: ${text}\n`;
  };
}

/**
 * Creates the process logger: JSON lines on stderr (stdout belongs to --json output), secrets
 * redacted by path and by value. Tests pass a destination to capture the lines.
 */
export function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const scrub = (line: string) => secrets.reduce((acc, s) => acc.split(s).join('[Redacted]'), line);
  const dest = destination ?? pino.destination({ fd: 2, sync: true });
  const shape = options.human ? humanLines() : (line: string) => line;
  const stream: DestinationStream =
    secrets.length === 0 && !options.human
      ? dest
      : {
          write: (line: string) => {
            const out = shape(line);
            if (out !== '') dest.write(scrub(out));
          },
        };
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: [...REDACTED_PATHS], censor: '[Redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    stream,
  );
}
