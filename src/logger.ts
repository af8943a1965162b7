import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

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
}

/**
 * Creates the process logger: JSON lines on stderr (stdout belongs to --json output), secrets
 * redacted by path and by value. Tests pass a destination to capture the lines.
 */
export function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const scrub = (line: string) => secrets.reduce((acc, s) => acc.split(s).join('[Redacted]'), line);
  const dest = destination ?? pino.destination({ fd: 2, sync: true });
  const stream: DestinationStream =
    secrets.length === 0 ? dest : { write: (line: string) => dest.write(scrub(line)) };
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
