import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import { DiscordSetupError } from '../../src/discord/setup-error.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { removeDirs, tempDirs } from '../helpers/corpus-dirs.js';
import { closedPort } from '../helpers/ports.js';
import type { LogLine } from './harness.js';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TOKEN = 'fake.start-retry-token';
const FAST = { initialMs: 20, maxMs: 100 };

describe('startBot when Discord cannot be reached at first', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  async function setUp(apiUrl: string, env: Record<string, string> = {}): Promise<{ config: Config; app: App; logs: LogLine[]; logger: Logger }> {
    const dirs = await tempDirs();
    cleanups.push(() => removeDirs(dirs));
    const config = loadConfig({ CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: apiUrl, ...env });
    const logs: LogLine[] = [];
    const logger = createLogger({ level: 'debug', secrets: [TOKEN] }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const app = await createApp({ config, logger });
    cleanups.push(() => app.engine.close(), () => app.store.close());
    return { config, app, logs, logger };
  }
  const retries = (logs: LogLine[]) => logs.filter((l) => l.msg === 'cannot reach Discord; retrying');
  const keep = (bot: Bot) => cleanups.push(() => bot.stop());

  it('keeps trying while nothing listens, one log line per attempt, and connects once Discord is up', async () => {
    const port = await closedPort();
    const { config, app, logs, logger } = await setUp(`http://127.0.0.1:${port}/api`);
    const started = startBot({ config, logger, engine: app.engine, store: app.store, retry: FAST });
    const deadline = Date.now() + 10_000;
    while (retries(logs).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const fake = await FakeDiscord.start({ port, token: TOKEN });
    cleanups.push(() => fake.close());
    const bot = await started;
    keep(bot);

    expect(bot.client.isReady()).toBe(true);
    const lines = retries(logs);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.slice(0, 3).map((l) => l.attempt)).toEqual([1, 2, 3]);
    for (const l of lines) {
      expect(l.reason).toMatch(/ECONNREFUSED/);
      expect(l.retryInMs).toBeGreaterThan(0);
      expect(l.err).toBeUndefined();
    }
    expect(logs.some((l) => l.msg === 'connected to Discord' && l.attempt === lines.length + 1)).toBe(true);
    // The bot works: it answers on the gateway that came up late.
    const help = fake.command('help');
    expect((await fake.until(() => fake.original(help))).content).toMatch(/Griot answers questions/);
  });

  it('retries through a Discord outage (5xx) and then connects', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    cleanups.push(() => fake.close());
    // More 503s than @discordjs/rest retries by itself (three), so the first login fails.
    fake.outage.push(...Array(6).fill(503));
    const { config, app, logs, logger } = await setUp(fake.apiUrl);
    const bot = await startBot({ config, logger, engine: app.engine, store: app.store, retry: FAST });
    keep(bot);
    expect(bot.client.isReady()).toBe(true);
    expect(retries(logs).length).toBeGreaterThanOrEqual(1);
    expect(retries(logs)[0]!.reason).toMatch(/503/);
    expect(fake.outage).toEqual([]);
  });

  it('stops at once with what to do when the token is rejected (401), without retrying', async () => {
    const fake = await FakeDiscord.start({ token: 'fake.the-real-token' });
    cleanups.push(() => fake.close());
    const { config, app, logs, logger } = await setUp(fake.apiUrl);
    const error = await startBot({ config, logger, engine: app.engine, store: app.store, retry: FAST }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordSetupError);
    expect((error as Error).message).toMatch(/Discord rejected DISCORD_TOKEN.*Reset Token/);
    expect(retries(logs)).toEqual([]);
    expect(fake.requests.filter((r) => r.path === '/gateway/bot')).toHaveLength(1);
  });

  it('stops at once naming the Developer Portal switch when the Message Content intent is refused (4014)', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    cleanups.push(() => fake.close());
    fake.messageContentIntent = false;
    const { config, app, logs, logger } = await setUp(fake.apiUrl, { ANSWER_MENTIONS: 'true' });
    const error = await startBot({ config, logger, engine: app.engine, store: app.store, retry: FAST }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordSetupError);
    expect((error as Error).message).toMatch(/Message Content Intent.*or set ANSWER_MENTIONS=false/);
    expect(retries(logs)).toEqual([]);
    expect(fake.gateway.identifies).toHaveLength(0);
  });

  it('npm start with a rejected token exits 1 with one line on stderr naming the fix, no stack', async () => {
    const fake = await FakeDiscord.start({ token: 'fake.the-real-token' });
    cleanups.push(() => fake.close());
    const dirs = await tempDirs();
    cleanups.push(() => removeDirs(dirs));
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'bot'], {
      env: { PATH: process.env.PATH, CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Discord rejected DISCORD_TOKEN\. Copy a fresh bot token/)]);
  }, 30_000);
});
