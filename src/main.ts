/**
 * Entry point: parse argv, load config, create the logger and the app, run one command. The only
 * module that reads process.env or exits. Interfaces are imported lazily so `npm run ask` never
 * loads discord.js.
 */
import { config as loadDotenv } from 'dotenv';
import type { App } from './app.js';
import { UsageError, USAGE } from './cli/args.js';
import { processIo, type CliIo } from './cli/io.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { DateBoundError } from './search/dates.js';

type Command = (app: App, argv: readonly string[], io: CliIo) => Promise<number>;

const CLI_COMMANDS: Record<string, () => Promise<Command>> = {
  ask: async () => (await import('./cli/ask.js')).askCommand,
  search: async () => (await import('./cli/search.js')).searchCommand,
  eval: async () => (await import('./cli/eval.js')).evalCommand,
  timeline: async () => (await import('./cli/timeline.js')).timelineCommand,
  reindex: async () => (await import('./cli/reindex.js')).reindexCommand,
  documents: async () => (await import('./cli/documents.js')).documentsCommand,
  add: async () => (await import('./cli/add.js')).addCommand,
};

/** Commands that run a long-lived process or need no index. */
const PROCESS_COMMANDS: Record<string, (config: Config, logger: Logger, argv: readonly string[]) => Promise<number | 'running'>> = {
  bot: runBot,
  calibrate: async (config, logger, argv) => (await import('./cli/calibrate.js')).calibrateCommand(config, logger, argv, processIo),
  sharded: runSharded,
  'deploy-commands': async (config, logger) => {
    const { deployCommands } = await import('./discord/deploy.js');
    const { DiscordSetupError } = await import('./discord/setup-error.js');
    try {
      const r = await deployCommands({ config, logger });
      processIo.out(`Registered ${r.count} slash commands ${r.scope === 'guild' ? `in server ${config.discord.guildId} (instant)` : 'globally (may take up to an hour to appear)'}.\n`);
      return 0;
    } catch (err) {
      if (err instanceof DiscordSetupError) {
        processIo.err(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
  feeds: async (config, logger, argv) => (await import('./cli/feeds.js')).runFeedsCommand(config, logger, argv, processIo),
  stats: async (config, logger, argv) => (await import('./cli/stats.js')).statsCommand({ config, logger }, argv, processIo),
  store: async (config, logger, argv) => (await import('./cli/store.js')).storeCommand({ config, logger }, argv, processIo),
  'bench-store': async (_config, _logger, argv) => (await import('./cli/bench-store.js')).benchStoreCommand(argv, processIo, process.env),
  'bench-extraction': async (_config, _logger, argv) => (await import('./cli/bench-extraction.js')).benchExtractionCommand(argv, processIo),
  bench: async (_config, _logger, argv) => (await import('./cli/bench.js')).benchCommand(null, argv, processIo),
};

/** How the Discord processes reach stderr and exit. */
const botIo = { err: processIo.err, exit: (code: number) => process.exit(code) };

/** `npm start`: the Discord bot, until SIGINT/SIGTERM. */
async function runBot(config: Config, logger: Logger): Promise<number | 'running'> {
  return (await import('./discord/run.js')).runBot({ config, logger, io: botIo });
}

/** `npm run start:sharded`: the bot as shard processes under the ShardingManager, which read this environment. */
async function runSharded(config: Config, logger: Logger): Promise<number | 'running'> {
  return (await import('./discord/run.js')).runSharded({ config, logger, io: botIo, env: process.env });
}

async function main(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    processIo.out(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  loadDotenv({ quiet: true });
  if (command === 'doctor') {
    // Before loadConfig: invalid settings are one of the things the doctor reports.
    try {
      return await (await import('./cli/doctor.js')).doctorCommand(process.env, rest, processIo);
    } catch (err) {
      return reportError(err, createLogger({ level: 'warn' }));
    }
  }
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      processIo.err(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  // In the terminal, info logs would bury the answer: warn unless LOG_LEVEL asks for more.
  const level = process.env.LOG_LEVEL || command === 'bot' || command === 'sharded' ? config.logLevel : 'warn';
  // A person at a terminal reads one short line per problem; JSON (with stacks) is for the bot's logs and debug.
  const human = process.stderr.isTTY === true && command !== 'bot' && command !== 'sharded' && !['debug', 'trace'].includes(level);
  const logger = createLogger({
    level,
    secrets: [config.llm?.apiKey, config.discord.token, databasePassword(config.databaseUrl)],
    human,
  });

  const proc = PROCESS_COMMANDS[command];
  if (proc) {
    try {
      const result = await proc(config, logger, rest);
      return result === 'running' ? undefined : result;
    } catch (err) {
      return reportError(err, logger);
    }
  }
  const load = CLI_COMMANDS[command];
  if (!load) {
    processIo.err(`Unknown command "${command}".\n${USAGE}\n`);
    return 2;
  }
  try {
    const run = await load();
    const { createApp } = await import('./app.js');
    const app = await createApp({ config, logger });
    try {
      return await run(app, rest, processIo);
    } finally {
      await app.store.close();
    }
  } catch (err) {
    return reportError(err, logger);
  }
}

/** The password in DATABASE_URL, kept out of logs. */
function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

function reportError(err: unknown, logger: Logger): number {
  if (err instanceof UsageError) {
    processIo.err(`${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  // One line naming the fix (a wrong DATABASE_URL password, a missing database, a newer schema).
  if (err instanceof Error && err.name === 'StoreSetupError') {
    processIo.err(`${err.message}\n`);
    return 1;
  }
  if (err instanceof DateBoundError) {
    processIo.err(`${err.message}\n`);
    return 2;
  }
  // The message is printed below; the logged line (with the stack) is for LOG_LEVEL=debug in a terminal.
  if (process.stderr.isTTY) logger.debug({ err }, 'command failed');
  else logger.error({ err }, 'command failed');
  processIo.err(`Error: ${(err as Error).message ?? String(err)}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    // undefined: a long-running process (the bot) that exits through its shutdown handler.
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Fatal: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
