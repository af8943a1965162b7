import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { installShutdown } from '../../src/discord/bot.js';
import { createLogger } from '../../src/logger.js';
import { NIGER_QUESTION, startHarness, withAsk, type Harness } from './harness.js';

const RUN_BOT = fileURLToPath(new URL('./fixtures/run-bot.ts', import.meta.url));

describe('shutdown', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it('finishes an answer in flight, then closes the gateway connection', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    h = await startHarness({ wrap: (engine) => withAsk(engine, async (q, o) => (await gate, engine.ask(q, o))) });
    const interaction = h.fake.command('ask', { question: NIGER_QUESTION });
    await h.fake.until(() => interaction.ack);
    const stopped = h.bot.stop();
    release();
    await stopped;
    expect(h.fake.original(interaction)?.content).toMatch(/Niger/);
    expect(h.fake.gateway.openSockets).toBe(0);
    expect(h.bot.client.isReady()).toBe(false);
    expect(h.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['discord bot stopping', 'discord bot stopped']));
  });

  it('on SIGTERM stops the bot and the process ends by itself with exit code 0 (no open handles)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUN_BOT], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => stdout.includes('ready\n') && resolve());
      void exited.then(() => reject(new Error(`the bot process exited before it was ready:\n${stderr}`)));
    });
    child.kill('SIGTERM');
    const code = await exited;
    expect(stderr).toContain('discord bot stopped');
    expect(stdout).toContain('open-sockets 0');
    expect(code).toBe(0);
  }, 30_000);

  it('installShutdown runs stop once, flushes and exits 0; 1 when stopping fails', async () => {
    const signals = new EventEmitter();
    const logger = createLogger({ level: 'silent' });
    const codes: number[] = [];
    let stops = 0;
    installShutdown(async () => void stops++, logger, (c) => codes.push(c), signals);
    signals.emit('SIGINT');
    signals.emit('SIGTERM');
    await new Promise((r) => setImmediate(r));
    expect(stops).toBe(1);
    expect(codes).toEqual([0]);

    const failing = new EventEmitter();
    installShutdown(async () => Promise.reject(new Error('stuck')), logger, (c) => codes.push(c), failing);
    failing.emit('SIGTERM');
    await new Promise((r) => setImmediate(r));
    expect(codes).toEqual([0, 1]);
  });
});
