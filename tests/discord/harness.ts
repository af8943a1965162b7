import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import type { FeedService } from '../../src/sources/feeds/service.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import { deployCommands } from '../../src/discord/deploy.js';
import type { Engine } from '../../src/engine.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/types.js';
import { FakeDiscord, type FakeInteraction, type FakeMessage } from '../fakes/discord/fake-discord.js';
import { SEEDS_DIR } from '../helpers/seeds.js';

/** A log line as pino wrote it. */
export type LogLine = Record<string, any> & { msg: string; level: number };

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: Bot;
  readonly config: Config;
  /** The real engine over the seeds (before any wrapping). */
  readonly engine: Engine;
  /** The app's store (answer log, votes). */
  readonly store: Store;
  /** The app's feed service (what /feeds manages; tests poll it as the bot's timer would). */
  readonly feeds: FeedService;
  readonly logs: LogLine[];
  readonly logger: Logger;
  readonly dataDir: string;
  /** Stops the bot and closes its engine and store, leaving the fake Discord and DATA_DIR. */
  stopBot(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra environment (e.g. RATE_LIMIT_PER_MINUTE), or a function of the fake for its ids. */
  readonly env?: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>);
  /** Wraps the real engine (to make ask throw, stream, or answer at length). */
  readonly wrap?: (engine: Engine) => Engine;
  readonly streamIntervalMs?: number;
}

/**
 * The whole bot against a fake Discord: the real engine over the seeds (DATA_DIR in a temp dir),
 * the commands deployed to the fake guild, a real discord.js client logged in and ready.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const dataDir = await mkdtemp(join(tmpdir(), 'griot-discord-'));
  return botOn(fake, dataDir, options, { deploy: true });
}

/**
 * The bot restarted as a new process would be: the running one stopped and its engine and store
 * closed, then a new app (new store, same DATA_DIR) and a new discord.js Client against the same
 * fake Discord. The returned harness replaces `h` (closing it ends everything).
 */
export async function restartHarness(h: Harness, options: HarnessOptions = {}): Promise<Harness> {
  await h.stopBot();
  return botOn(h.fake, h.dataDir, options, { deploy: false });
}

async function botOn(fake: FakeDiscord, dataDir: string, options: HarnessOptions, how: { deploy: boolean }): Promise<Harness> {
  const config = loadConfig({
    CORPUS_DIR: SEEDS_DIR,
    DATA_DIR: dataDir,
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guildId,
    ESCALATION_ROLE_ID: fake.roles.helpers,
    ...(typeof options.env === 'function' ? options.env(fake) : options.env),
  });
  const logs: LogLine[] = [];
  const logger = createLogger({ level: 'debug', secrets: [fake.token] }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const app = await createApp({ config, logger });
  if (how.deploy) await deployCommands({ config, logger });
  const bot = await startBot({
    config,
    logger,
    engine: options.wrap ? options.wrap(app.engine) : app.engine,
    store: app.store,
    feeds: app.feeds,
    ...(options.streamIntervalMs !== undefined ? { streamIntervalMs: options.streamIntervalMs } : {}),
  });
  const stopBot = async () => {
    await bot.stop();
    await app.engine.close();
    await app.store.close();
  };
  return {
    fake,
    bot,
    config,
    engine: app.engine,
    store: app.store,
    feeds: app.feeds,
    logs,
    logger,
    dataDir,
    stopBot,
    async close() {
      await stopBot();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A dev question (tests/fixtures/dev-questions.jsonl d04) the seeds answer from 002_68a43d7a4bec2f41. */
export const NIGER_QUESTION = 'Welk land is bereid om als nieuwe thuisbasis voor de missie te dienen?';

/** Every `[n]` marker in a text, as numbers. */
export function citationNumbers(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** The engine with `ask` replaced (the rest stays real). */
export function withAsk(engine: Engine, ask: Engine['ask']): Engine {
  return {
    ask,
    search: (q, o) => engine.search(q, o),
    timeline: (q) => engine.timeline(q),
    documents: () => engine.documents(),
    reindex: () => engine.reindex(),
    reloadSaved: () => engine.reloadSaved(),
    llmEnabled: engine.llmEnabled,
    close: () => engine.close(),
  };
}

/** Request bodies that carry a message (content or embeds), wherever discord.js puts them. */
export function messageBodies(fake: FakeDiscord): Array<{ path: string; body: any }> {
  return fake.requests
    .map((r) => ({ path: r.path, body: r.path.endsWith('/callback') ? r.body?.data : r.body }))
    .filter((r) => r.body && (typeof r.body.content === 'string' || Array.isArray(r.body.embeds)) && !Array.isArray(r.body));
}

/** Asks `/ask question` and waits for the final answer message (the one that carries its buttons). */
export function askAndWait(fake: FakeDiscord, question: string): Promise<FakeMessage> {
  const interaction = fake.command('ask', { question });
  return fake.until(() => {
    const m = fake.original(interaction);
    return m && m.components.length > 0 ? m : undefined;
  });
}

/** The custom id of the button labelled `label` under `message`. */
export function buttonId(message: FakeMessage, label: string): string {
  const button = message.components.flatMap((r: any) => r.components).find((c: any) => c.label === label);
  if (!button) throw new Error(`no button "${label}" under the message`);
  return button.custom_id;
}

/** The reply Discord shows for a button click. */
export function replyTo(fake: FakeDiscord, click: FakeInteraction): Promise<FakeMessage> {
  return fake.until(() => fake.original(click));
}
