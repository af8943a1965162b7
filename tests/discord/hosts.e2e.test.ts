/**
 * Two hosts serving one bot through one PostgreSQL: two `npm run start:sharded` processes (host A
 * runs shard 0, host B shard 1 of 2, each with its own DATA_DIR) against the fake Discord, the
 * database reached through a TCP proxy the test can cut. What a community notices: /stats on either
 * host counts both hosts' answers; an article a moderator adds on host A is answered on host B
 * without a restart; a user's rate limit holds across hosts; questions asked while
 * the database is out of reach are answered and logged once it is back; a 👍 on host A's answer
 * is recorded when host B receives the click (B took over A's shard).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type FakeGuild, type FakeInteraction, type FakeMessage, type FakeUser } from '../fakes/discord/fake-discord.js';
import { displayed } from '../helpers/markdown.js';
import { TEST_DATABASE_URL, testSchemas, urlInSchema } from '../helpers/postgres.js';
import { SEEDS_DIR } from '../helpers/seeds.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { buttonId, NIGER_QUESTION } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WAGNER_QUESTION = 'Which Russian group sent helicopters and weapons to Bamako?';

/** One host: `npm run start:sharded` as its own process, its stderr (JSON logs) collected. */
interface Host {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  stderr(): string;
}

describe.skipIf(!TEST_DATABASE_URL)('two hosts sharing one PostgreSQL', () => {
  const schemas = testSchemas();
  let fake: FakeDiscord;
  let guilds: FakeGuild[];
  let proxy: TcpProxy;
  let databaseUrl: string;
  /** One corpus folder for both hosts, as a shared mount would be. */
  let corpusDir: string;
  const dirs: string[] = [];
  const hosts: Host[] = [];

  const startHost = async (name: string, shardList: string, dataDir?: string): Promise<Host> => {
    const dir = dataDir ?? (await mkdtemp(join(tmpdir(), `griot-host-${name}-`)));
    if (!dataDir) dirs.push(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'sharded'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        CORPUS_DIR: corpusDir,
        DATA_DIR: dir,
        DATABASE_URL: databaseUrl,
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        SHARD_LIST: shardList,
        TOTAL_SHARDS: '2',
        RATE_LIMIT_PER_MINUTE: '3',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const host: Host = { name, child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))), stderr: () => stderr };
    hosts.push(host);
    await fake.until(() => stderr.includes('all shards ready') || child.exitCode !== null, 90_000, `host ${name} to be ready`);
    if (child.exitCode !== null) throw new Error(`host ${name} exited: ${stderr}`);
    return host;
  };
  const stopHost = async (host: Host) => {
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  };

  /**
   * The final message of an answer (the one with its buttons), once the host that gave it has
   * finished the interaction (the answer is logged after it is shown).
   */
  const answer = async (interaction: FakeInteraction): Promise<FakeMessage> => {
    const message = await fake.until(() => {
      const m = fake.original(interaction);
      return m && m.components.length > 0 ? m : undefined;
    }, 30_000, 'the answer');
    await finished(interaction);
    return message;
  };
  /** Waits for the finish line of `interaction` in the log of whichever host ran it. */
  const finished = (interaction: FakeInteraction) =>
    fake.until(
      () => hosts.some((h) => h.stderr().split('\n').some((l) => l.includes(interaction.id) && l.includes('"interaction finished"'))),
      30_000,
      'the interaction to finish',
    );
  const reply = (interaction: FakeInteraction): Promise<FakeMessage> => fake.until(() => fake.original(interaction)?.content ? fake.original(interaction) : undefined, 30_000, 'the reply');
  const ask = (guild: FakeGuild, question: string, user?: FakeUser) => fake.command('ask', { question }, { channelId: guild.channels.general, ...(user ? { user } : {}) });
  const stats = async (guild: FakeGuild) => displayed((await reply(fake.command('stats', { days: 1 }, { channelId: guild.channels.general, roles: [fake.roles.moderator] }))).content);

  beforeAll(async () => {
    // A generous acknowledgement deadline: with 200 questions queued at once on a loaded CI machine a
    // host may take longer than Discord's 3 s to defer; what these tests check is the shared store.
    fake = await FakeDiscord.start({ shards: 2, ackDeadlineMs: 30_000 });
    guilds = [fake.addGuild({ shard: [0, 2] }), fake.addGuild({ shard: [1, 2] })];
    const target = new URL(TEST_DATABASE_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    databaseUrl = viaProxy(urlInSchema(await schemas.create()), proxy);
    corpusDir = await mkdtemp(join(tmpdir(), 'griot-hosts-corpus-'));
    dirs.push(corpusDir);
    await cp(SEEDS_DIR, corpusDir, { recursive: true });
    // One after the other: the second finds the schema migrated.
    await startHost('A', '0');
    await startHost('B', '1');
  }, 200_000);

  afterAll(async () => {
    for (const h of hosts) if (h.child.exitCode === null) h.child.kill('SIGKILL');
    await fake?.close();
    await proxy?.close();
    await schemas.dropAll();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }, 30_000);

  let fromHostA: FakeMessage;

  it('answers on each host, and /stats on either host counts the answers of both', async () => {
    const a = ask(guilds[0]!, NIGER_QUESTION);
    fromHostA = await answer(a);
    const b = ask(guilds[1]!, WAGNER_QUESTION);
    await answer(b);
    expect([a.shard, b.shard]).toEqual([0, 1]);
    expect(hosts[0]!.stderr()).toContain(a.id);
    expect(hosts[1]!.stderr()).toContain(b.id);
    for (const guild of guilds) expect(await stats(guild)).toMatch(/Questions 2 · answered 2/);
  }, 90_000);

  it('answers on host B, without a restart, an article a moderator added with /reindex on host A', async () => {
    const question = 'Quand le camp de Tessalit a-t-il été remis aux forces maliennes ?';
    await writeFile(join(corpusDir, '005_tessalit.txt'), ' date 2022-08 Le camp de Tessalit a été remis aux forces armées maliennes le 12 août 2022, après le départ des derniers soldats de Barkhane.');
    const reindex = fake.command('reindex', {}, { channelId: guilds[0]!.channels.general, roles: [fake.roles.moderator] });
    expect(displayed((await reply(reindex)).content)).toMatch(/005_tessalit/);
    expect(reindex.shard).toBe(0);
    await fake.until(() => hosts[1]!.stderr().includes('applied documents changed on another host'), 30_000, 'host B to apply the change');
    const onB = ask(guilds[1]!, question, fake.users.alice);
    const shown = await answer(onB);
    expect(onB.shard).toBe(1);
    expect(shown.embeds[0].description).toContain('005_tessalit');
  }, 90_000);

  it('holds a user’s rate limit whichever host answers', async () => {
    const bob = fake.users.bob;
    for (const guild of [guilds[0]!, guilds[1]!, guilds[0]!]) expect((await answer(ask(guild, NIGER_QUESTION, bob))).content).toMatch(/Niger/);
    // The fourth in a minute, on host B, which answered bob only once.
    expect((await reply(ask(guilds[1]!, NIGER_QUESTION, bob))).content).toMatch(/faster than 3 questions a minute/);
  }, 90_000);

  it('answers while the database is out of reach, and logs every answer and vote once it is back', async () => {
    proxy.cut();
    const during = [ask(guilds[0]!, WAGNER_QUESTION), ask(guilds[1]!, NIGER_QUESTION)];
    for (const i of during) await answer(i);
    // A 👍 on the answer host A just gave (its buttons' state in A's memory): accepted, held.
    const shown = await answer(during[0]!);
    expect((await reply(fake.click(shown.id, buttonId(shown, '👍')))).content).toMatch(/Thanks for rating/);
    expect(hosts[0]!.stderr()).toContain('holding answer records and votes in memory');
    proxy.restore();
    for (const h of hosts.slice(0, 2)) await fake.until(() => h.stderr().includes('every held record is written'), 60_000, `host ${h.name} to write what it held`);
    expect(await stats(guilds[1]!)).toMatch(/Questions 8 ·[\s\S]*Votes: 👍 1 · 👎 0/);
  }, 120_000);

  it('answers 200 questions from 40 users within a minute across both hosts, or politely rate-limits them, and logs every answer', async () => {
    const before = Number(/Questions (\d+) ·/.exec(await stats(guilds[0]!))![1]);
    const rejectedBefore = fake.rejections.length;
    const users: FakeUser[] = Array.from({ length: 40 }, (_, u) => ({ id: String(700_000_000_000_000_000n + BigInt(u)), username: `user${u}` }));
    // Five questions per user (the limit is 3 a minute), each user's alternating between the hosts.
    const asked = Array.from({ length: 200 }, (_, n) => {
      const user = users[n % 40]!;
      const guild = guilds[(n + Math.floor(n / 40)) % 2]!;
      return { user, sent: performance.now(), interaction: ask(guild, n % 2 ? NIGER_QUESTION : WAGNER_QUESTION, user) };
    });
    const outcome = new Map<FakeInteraction, { kind: 'answered' | 'limited'; ms: number }>();
    const waited = await fake.until(
      () => {
        for (const a of asked) {
          if (outcome.has(a.interaction)) continue;
          const m = fake.original(a.interaction);
          if (m && m.components.length > 0) outcome.set(a.interaction, { kind: 'answered', ms: performance.now() - a.sent });
          else if (m && /faster than 3 questions a minute/.test(m.content)) outcome.set(a.interaction, { kind: 'limited', ms: performance.now() - a.sent });
        }
        // A refused reply (a late acknowledgement) would never arrive: stop waiting and say so.
        if (fake.rejections.length > rejectedBefore) return 'refused';
        return outcome.size === asked.length ? 'done' : undefined;
      },
      180_000,
      'every question to be answered or rate-limited',
    );
    expect(fake.rejections.slice(rejectedBefore).map((r) => r.rejection)).toEqual([]);
    expect(waited).toBe('done');
    for (const a of asked) await finished(a.interaction);
    const answered = asked.filter((a) => outcome.get(a.interaction)!.kind === 'answered');
    // Each user got at least the 3 the limit allows; the rest were told to slow down.
    for (const user of users) expect(answered.filter((a) => a.user === user).length).toBeGreaterThanOrEqual(3);
    expect(answered.length).toBeLessThan(200);
    // Both hosts answered, and every answer is in the log, whichever host gave it.
    expect(new Set(answered.map((a) => a.interaction.shard))).toEqual(new Set([0, 1]));
    for (const guild of guilds) expect(await stats(guild)).toContain(`Questions ${before + answered.length} ·`);
    const ms = asked.map((a) => outcome.get(a.interaction)!.ms).sort((x, y) => x - y);
    const rank = (p: number) => Math.round(ms[Math.ceil((p / 100) * ms.length) - 1]!);
    console.log(`200 questions from 40 users on two hosts: ${answered.length} answered, ${200 - answered.length} rate-limited; reply latency p50 ${rank(50)} ms, p95 ${rank(95)} ms`);
  }, 240_000);

  it('records a 👍 on host A’s answer when host B receives the click (B took over A’s shard), after asking to try again during an outage', async () => {
    await stopHost(hosts[0]!);
    await stopHost(hosts[1]!);
    const b = await startHost('B', '0,1', dirs[1]);
    const up = buttonId(fromHostA, '👍');
    proxy.cut();
    const early = fake.click(fromHostA.id, up);
    expect((await reply(early)).content).toBe('I cannot reach my storage right now. Try again in a moment.');
    proxy.restore();
    const click = fake.click(fromHostA.id, up);
    expect((await reply(click)).content).toMatch(/Thanks for rating this answer 👍/);
    expect(click.shard).toBe(0);
    expect(b.stderr()).toContain(click.id);
    expect(await stats(guilds[0]!)).toMatch(/Votes: 👍 2 · 👎 0/);
    await stopHost(b);
  }, 200_000);
});
