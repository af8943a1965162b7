import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A user mistake on the command line: shown as it is, with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  npm run ask -- [--json] [--no-llm] "question"
  npm run search -- [--json] [--limit N] [--from DATE] [--to DATE] "query"
  npm run eval -- <questions.jsonl> [--json] [--no-llm]
  npm run calibrate [-- --haystack DIR] [--rows FILE] [--dry-run]   refit the keyless confidence (src/answer/fitted-weights.json)
  npm run timeline -- [--topic T] [--from DATE] [--to DATE] [--lang en|nl|fr] [--limit N] [--json] [--png FILE]
  npm run reindex -- [--json]
  npm run add -- [--json] [--dry-run] <url|file>   (add an article: a link, a saved .html page, a .pdf, a .txt/.md file)
  npm run documents -- list [--source folder|upload|url|feed] [--query WORDS] [--json] | show ID | remove ID | export DIR
  npm run feeds -- add URL | list | remove ID|URL | poll [--json]   (the feeds the bot polls)
  npm run stats -- [--days N] [--json] [--png FILE]   (what was asked, what was refused, votes; --png: a chart)
  npm run store -- copy --to postgres://…   (copy DATA_DIR's SQLite store into PostgreSQL)
  npm start                     (the Discord bot; needs DISCORD_TOKEN)
  npm run start:sharded         (the bot as shard processes: SHARD_COUNT, SHARD_LIST, TOTAL_SHARDS)
  npm run deploy-commands       (register the slash commands)
  npm run doctor -- [--json]    (check the settings, corpus, index, DATA_DIR, LLM and Discord)
DATE: YYYY, YYYY-MM or YYYY-MM-DD.`;

/** Parses a command's argv with node:util, turning its errors into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true } as const);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** A positive whole number option. */
export function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--limit expects a whole number from 1 to 1000, got "${value}"`);
  return n;
}
