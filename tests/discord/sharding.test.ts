import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startSharded, type Sharded } from '../../src/discord/sharding.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord, type FakeGuild, type FakeInteraction } from '../fakes/discord/fake-discord.js';
import { displayed } from '../helpers/markdown.js';
import { SEEDS_DIR } from '../helpers/seeds.js';
import { NIGER_QUESTION, type LogLine } from './harness.js';

/** An article no seed mentions: answerable only once the index has it. */
const TESSALIT_FILE = '005_tessalit.txt';
const TESSALIT_ARTICLE =
  ' date 2022-08 Le camp de Tessalit a été remis aux forces armées maliennes le 12 août 2022, après le départ des derniers soldats de Barkhane.';
const TESSALIT_QUESTION = 'Quand le camp de Tessalit a-t-il été remis aux forces maliennes ?';

/**
 * `npm run start:sharded` against a fake Discord recommending two shards: the real
 * ShardingManager, two shard processes running shard-entry.ts under tsx, a guild on each shard.
 * One manager for the whole file: starting shard processes is the slow part.
 */
describe('the sharded bot (two shard processes under the ShardingManager)', () => {
  let fake: FakeDiscord;
  let guilds: FakeGuild[];
  let sharded: Sharded | undefined;
  let corpusDir: string;
  let dataDir: string;
  const logs: LogLine[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start({ shards: 2 });
    guilds = [fake.addGuild({ shard: [0, 2] }), fake.addGuild({ shard: [1, 2] })];
    corpusDir = await mkdtemp(join(tmpdir(), 'griot-shards-corpus-'));
    dataDir = await mkdtemp(join(tmpdir(), 'griot-shards-data-'));
    await cp(SEEDS_DIR, corpusDir, { recursive: true });
    // Only what the shard processes need: no LLM or Discord setting of the developer's shell leaks in.
    const env: Record<string, string> = {
      ...(process.env.PATH ? { PATH: process.env.PATH } : {}),
      ...(process.env.HOME ? { HOME: process.env.HOME } : {}),
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      SHARD_COUNT: 'auto',
      LOG_LEVEL: 'warn',
    };
    const logger = createLogger({ level: 'info', secrets: [fake.token] }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    sharded = await startSharded({ config: loadConfig(env), logger, env, spawnDelayMs: 0 });
    // Each shard's process, to check how it ends.
    for (const shard of sharded.manager.shards.values()) if (shard.process) children.push(shard.process);
  }, 60_000);

  afterAll(async () => {
    await sharded?.stop();
    await fake?.close();
    await rm(corpusDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  /** The last message of an answer, once its buttons are there. */
  const finalAnswer = (interaction: FakeInteraction) =>
    fake.until(
      () => {
        const all = [fake.original(interaction), ...fake.followUps(interaction)];
        const last = all[all.length - 1];
        return last && last.components.length > 0 ? last : undefined;
      },
      15_000,
      'the answer',
    );

  it('takes Discord’s recommended count through DISCORD_API_URL, and each shard identifies with its own id', () => {
    expect(sharded!.plan).toEqual({ totalShards: 2, shardList: [0, 1] });
    expect(fake.gateway.identifies.map((i) => i.shard)).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    expect(fake.gateway.identifies).toHaveLength(2);
    expect(fake.gateway.connectedShards).toEqual([0, 1]);
    expect(new Set(children.map((c) => c.pid)).size).toBe(2);
    // The manager opened the index once; the shards started from the saved one.
    expect(logs.find((l) => l.msg === 'starting shards')).toMatchObject({ totalShards: 2, documents: 5 });
  });

  it('answers /ask in a guild on each shard, from that shard’s process', async () => {
    for (const [shard, guild] of guilds.entries()) {
      const interaction = fake.command('ask', { question: NIGER_QUESTION }, { channelId: guild.channels.general });
      const answer = await finalAnswer(interaction);
      expect(interaction.shard).toBe(shard);
      expect(answer.content).toMatch(/Niger/);
      expect(answer.embeds[0].description).toContain('002_68a43d7a4bec2f41');
    }
    expect(fake.rejections).toEqual([]);
  });

  it('after a moderator’s /reindex on shard 0, shard 1 answers from the new index too', async () => {
    const before = await finalAnswer(fake.command('ask', { question: TESSALIT_QUESTION }, { channelId: guilds[1]!.channels.general }));
    expect(JSON.stringify(before.embeds)).not.toContain('005_tessalit');

    await writeFile(join(corpusDir, TESSALIT_FILE), TESSALIT_ARTICLE);
    const reindex = fake.command('reindex', {}, { channelId: guilds[0]!.channels.general, roles: [fake.roles.moderator] });
    const report = await fake.until(() => {
      const m = fake.original(reindex);
      return m?.content ? m : undefined;
    }, 15_000);
    expect(reindex.shard).toBe(0);
    expect(displayed(report.content)).toMatch(/005_tessalit/);
    // Shard 1 was told by the manager and reports serving the six documents.
    await fake.until(() => logs.find((l) => l.msg === 'shard serves the new index' && l.shard === 1 && l.documents === 6), 15_000, 'shard 1 to serve the new index');
    expect(logs.find((l) => l.msg === 'a shard reindexed; telling the other shards')).toMatchObject({ shard: 0, documents: 6 });

    const after = fake.command('ask', { question: TESSALIT_QUESTION }, { channelId: guilds[1]!.channels.general });
    const answer = await finalAnswer(after);
    expect(after.shard).toBe(1);
    expect(answer.content).toMatch(/12 août 2022|août 2022/);
    expect(answer.embeds[0].description).toContain('005_tessalit');
  });

  it('stops every shard gracefully: each process exits 0 and the gateway connections close', async () => {
    await sharded!.stop();
    expect(children.map((c) => c.exitCode)).toEqual([0, 0]);
    await fake.until(() => fake.gateway.openSockets === 0, 5000, 'the gateway connections to close');
    expect(logs.some((l) => l.msg === 'shard process exited')).toBe(false);
    expect(logs.map((l) => l.msg)).toContain('all shards stopped');
  });
});

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run start:sharded` as a process (node --import tsx src/main.ts sharded), its stderr collected. */
function startShardedProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'sharded'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('npm run start:sharded', () => {
  it('without DISCORD_TOKEN names it and exits 1', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'griot-shards-'));
    const run = startShardedProcess({ CORPUS_DIR: SEEDS_DIR, DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/DISCORD_TOKEN is not set/);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('on one host of two (SHARD_LIST=1, TOTAL_SHARDS=2) runs only shard 1, answers there, and exits 0 on SIGTERM', async () => {
    const fake = await FakeDiscord.start({ shards: 1 });
    const guild = fake.addGuild({ shard: [1, 2] });
    const dataDir = await mkdtemp(join(tmpdir(), 'griot-shards-'));
    const run = startShardedProcess({
      CORPUS_DIR: SEEDS_DIR,
      DATA_DIR: dataDir,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      SHARD_LIST: '1',
      TOTAL_SHARDS: '2',
    });
    try {
      await fake.until(() => run.stderr().includes('all shards ready') || run.child.exitCode !== null, 45_000, 'the shards to be ready');
      expect(run.stderr()).toContain('all shards ready');
      expect(fake.gateway.identifies.map((i) => i.shard)).toEqual([[1, 2]]);
      const interaction = fake.command('ask', { question: NIGER_QUESTION }, { channelId: guild.channels.general });
      const answer = await fake.until(() => {
        const m = fake.original(interaction);
        return m && m.components.length > 0 ? m : undefined;
      }, 15_000);
      expect(answer.content).toMatch(/Niger/);

      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.stderr()).toContain('all shards stopped');
      expect(run.stderr()).toContain('discord bot stopped');
      await fake.until(() => fake.gateway.openSockets === 0, 5000, 'the gateway connection to close');
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
