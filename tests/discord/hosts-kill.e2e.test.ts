/**
 * A host killed (SIGKILL) in the middle of a reindex, with two hosts sharing one PostgreSQL: two
 * `npm run start:sharded` processes (host A shard 0, host B shard 1 of 2) against the fake Discord.
 * What a community notices: host B keeps answering; the next /reindex, on host B, runs instead of
 * being told one is already running (the advisory lock died with A's session); and the store never
 * holds half of a reindex — before B's reindex it has the corpus of before or of after, and after
 * it every article in the folder is stored whole and answerable on B.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type FakeGuild, type FakeInteraction, type FakeMessage } from '../fakes/discord/fake-discord.js';
import { displayed } from '../helpers/markdown.js';
import { TEST_DATABASE_URL, testSchemas, urlInSchema } from '../helpers/postgres.js';
import { SEEDS_DIR } from '../helpers/seeds.js';
import { NIGER_QUESTION } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Enough articles that A's reindex is still running when the test sees it start and kills A. */
const ADDED = 2_000;

/** A made-up word of letters only, unique to article `n` (so the search finds that article alone). */
const codeword = (n: number): string => {
  let word = '';
  for (let k = n + 26 * 27; k > 0; k = Math.floor(k / 26)) word += String.fromCharCode(97 + (k % 26));
  return `zorval${word}`;
};
const articleId = (n: number) => `gen_${String(n).padStart(4, '0')}`;
const articleText = (n: number) =>
  `date 2022-09 Le convoi ${codeword(n)} est arrivé à Gao le ${1 + (n % 28)} septembre 2022 avec ${n + 3} camions de ravitaillement. ` +
  `Les soldats du convoi ${codeword(n)} ont ensuite rejoint la base de Niamey au Niger. Fin de l'article ${n}.`;

interface Host {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  stderr(): string;
}

describe.skipIf(!TEST_DATABASE_URL)('a host killed during a reindex, with two hosts sharing one PostgreSQL', () => {
  const schemas = testSchemas();
  let fake: FakeDiscord;
  let guilds: FakeGuild[];
  let databaseUrl: string;
  let db: pg.Client;
  let corpusDir: string;
  const dirs: string[] = [];
  const hosts: Host[] = [];

  const startHost = async (name: string, shardList: string): Promise<Host> => {
    const dir = await mkdtemp(join(tmpdir(), `griot-host-${name}-`));
    dirs.push(dir);
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
        LOG_LEVEL: 'info',
      },
      // Its own process group, so SIGKILL reaches the shard processes it runs too.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const host: Host = { child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))), stderr: () => stderr };
    hosts.push(host);
    await fake.until(() => stderr.includes('all shards ready') || child.exitCode !== null, 90_000, `host ${name} to be ready`);
    if (child.exitCode !== null) throw new Error(`host ${name} exited: ${stderr}`);
    return host;
  };
  const killGroup = (host: Host) => {
    try {
      process.kill(-host.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };

  const reply = (interaction: FakeInteraction): Promise<FakeMessage> =>
    fake.until(() => (fake.original(interaction)?.content ? fake.original(interaction) : undefined), 120_000, 'the reply');
  const answer = (interaction: FakeInteraction): Promise<FakeMessage> =>
    fake.until(() => {
      const m = fake.original(interaction);
      return m && m.components.length > 0 ? m : undefined;
    }, 60_000, 'the answer');
  const ask = (guild: FakeGuild, question: string) => fake.command('ask', { question }, { channelId: guild.channels.general });
  const reindex = (guild: FakeGuild) => fake.command('reindex', {}, { channelId: guild.channels.general, roles: [fake.roles.moderator] });
  const storedDocuments = async () => (await db.query<{ id: string; text: string }>('SELECT id, text FROM documents ORDER BY id')).rows;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ shards: 2, ackDeadlineMs: 30_000 });
    guilds = [fake.addGuild({ shard: [0, 2] }), fake.addGuild({ shard: [1, 2] })];
    const schema = await schemas.create();
    databaseUrl = urlInSchema(schema);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    corpusDir = await mkdtemp(join(tmpdir(), 'griot-kill-corpus-'));
    dirs.push(corpusDir);
    await cp(SEEDS_DIR, corpusDir, { recursive: true });
    await startHost('A', '0');
    await startHost('B', '1');
  }, 200_000);

  afterAll(async () => {
    for (const h of hosts) if (h.child.exitCode === null) killGroup(h);
    await db?.end();
    await fake?.close();
    await schemas.dropAll();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }, 30_000);

  it('keeps answering on host B, runs the next reindex there, and stores no half-written reindex', async () => {
    const before = await storedDocuments();
    expect(before.length).toBeGreaterThan(0);
    for (let n = 0; n < ADDED; n++) await writeFile(join(corpusDir, `${articleId(n)}.txt`), articleText(n));

    // A's reindex starts (it holds the lock and has recorded its run); kill A's processes there and then.
    const onA = reindex(guilds[0]!);
    let running: { id: string } | undefined;
    for (const deadline = Date.now() + 60_000; !running; await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() > deadline) throw new Error('host A’s reindex did not start within 60 s');
      running = (await db.query<{ id: string }>('SELECT id FROM reindex_runs WHERE finished_at IS NULL')).rows[0];
    }
    killGroup(hosts[0]!);
    await hosts[0]!.exited;
    // Killed mid-way: the run never finished, and A never replied that it had.
    const run = (await db.query<{ finished_at: string | null }>('SELECT finished_at FROM reindex_runs WHERE id = $1', [running.id])).rows[0]!;
    expect(run.finished_at).toBeNull();
    expect(displayed(fake.original(onA)?.content ?? '')).not.toMatch(/gen_/);

    // The store holds the corpus of before or of after, never part of the reindex.
    const afterKill = await storedDocuments();
    expect([before.length, before.length + ADDED]).toContain(afterKill.length);
    for (const d of afterKill.filter((doc) => doc.id.startsWith('gen_'))) expect(d.text).toContain(`Fin de l'article ${Number(d.id.slice(4))}.`);

    // Host B keeps answering.
    expect((await answer(ask(guilds[1]!, NIGER_QUESTION))).content).toMatch(/Niger/);

    // The next reindex, on B, runs: the lock died with A's session.
    const onB = displayed((await reply(reindex(guilds[1]!))).content);
    expect(onB).not.toMatch(/already running/);
    const runs = (await db.query<{ outcome: string | null }>('SELECT outcome FROM reindex_runs ORDER BY id')).rows;
    expect(runs[0]!.outcome).toMatch(/abandoned/);
    expect(runs.at(-1)!.outcome).not.toBeNull();

    // Every article of the folder is stored whole…
    const after = await storedDocuments();
    expect(after.length).toBe(before.length + ADDED);
    const generated = after.filter((d) => d.id.startsWith('gen_'));
    expect(generated.map((d) => d.id)).toEqual(Array.from({ length: ADDED }, (_, n) => articleId(n)));
    for (const d of generated) expect(d.text).toContain(`Fin de l'article ${Number(d.id.slice(4))}.`);
    // …and answerable on B (the first, a middle and the last added, and a seed article).
    for (const n of [0, Math.floor(ADDED / 2), ADDED - 1]) {
      const shown = await answer(ask(guilds[1]!, `Quand le convoi ${codeword(n)} est-il arrivé à Gao ?`));
      expect(shown.embeds[0].description).toContain(articleId(n));
    }
    expect((await answer(ask(guilds[1]!, NIGER_QUESTION))).content).toMatch(/Niger/);
  }, 400_000);
});
