import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canUseTerminal, griot, griotInTerminal, mountSmallDisk, ROOT, unmount } from '../helpers/run-griot.js';

const QUESTION = 'Welk land is bereid om als thuisbasis te dienen?';
// Each test runs the CLI a few times as subprocesses.
vi.setConfig({ testTimeout: 120_000 });

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'griot-datadir-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A copy of the seed corpus and a DATA_DIR path under `base/name`. */
async function place(name: string): Promise<{ CORPUS_DIR: string; DATA_DIR: string }> {
  const at = join(base, name);
  await mkdir(at, { recursive: true });
  await cp(join(ROOT, 'seeds'), join(at, 'corpus'), { recursive: true });
  return { CORPUS_DIR: join(at, 'corpus'), DATA_DIR: join(at, 'data') };
}

/** A pid no process has now: a child's, once it exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

describe('npm run reindex when the index cannot be saved', () => {
  it('exits 1 with "index not saved: <reason>" when DATA_DIR is a file', async () => {
    const env = await place('reindex-file');
    await writeFile(env.DATA_DIR, 'not a folder\n');
    const r = await griot(['reindex'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('index not saved: a file stands where a folder should be');
    expect(r.stdout).toMatch(/^Index not saved: .*a running bot does not see it/m);
  });
});

describe('leftover temporary files of a save killed with kill -9', () => {
  it('are reported by doctor and removed at the next start, except one a live process owns', async () => {
    const env = await place('temps');
    expect((await griot(['reindex'], env)).code).toBe(0);
    const dead = `index.json.${deadPid()}.0123abcd.tmp`;
    const live = `index.json.${process.pid}.89abcdef.tmp`;
    await writeFile(join(env.DATA_DIR, dead), 'x'.repeat(300_000));
    await writeFile(join(env.DATA_DIR, live), 'a save under way');
    const doctor = await griot(['doctor'], env);
    expect(doctor.stdout).toMatch(/1 temporary files \(0\.3 MB\) left in .* by an interrupted save/);
    expect(doctor.stdout).toContain(dead);
    expect(doctor.stdout).not.toContain(live);
    expect((await griot(['ask', QUESTION], env)).code).toBe(0);
    const left = await readdir(env.DATA_DIR);
    expect(left).not.toContain(dead);
    expect(left).toContain(live);
  });
});

describe('doctor and griot.sqlite', () => {
  it('runs the integrity check: ok on a sound store, and says what it found on a truncated one', async () => {
    const env = await place('doctor-store');
    for (let i = 0; i < 3; i++) expect((await griot(['ask', `${QUESTION} ${i}`], env)).code).toBe(0);
    const sound = await griot(['doctor'], env);
    expect(sound.stdout).toMatch(/griot\.sqlite: integrity check ok, 3 answers logged/);
    const file = join(env.DATA_DIR, 'griot.sqlite');
    await truncate(file, (await stat(file)).size - 4096);
    const damaged = await griot(['doctor'], env);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toMatch(/griot\.sqlite is damaged: .*malformed/);
    expect(damaged.stdout).toMatch(/keeps every record that can still be read/);
  });
});

describe.skipIf(!canUseTerminal)('in a terminal', () => {
  it('prints one short line per problem before the answer: no JSON, no stack (DATA_DIR a file)', async () => {
    const env = await place('terminal-file');
    await writeFile(env.DATA_DIR, 'not a folder\n');
    const r = await griotInTerminal(['ask', QUESTION], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Niger');
    const problems = r.stdout.split('\n').filter((l) => /^(warning|error):/.test(l));
    // The index, the timeline cache and the answer log all fail for this one cause: said once.
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^warning: .*: a file stands where a folder should be \(.*\); DATA_DIR must be a folder$/);
    expect(r.stdout).not.toMatch(/"level"|\n\s+at /);
  });

  it('does not repeat a skipped corpus file at every ask; reindex and doctor list it', async () => {
    const env = await place('terminal-skipped');
    await writeFile(join(env.CORPUS_DIR, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00]));
    const reindex = await griotInTerminal(['reindex'], env);
    expect(reindex.stdout).toMatch(/skipped scan\.txt: /);
    const ask = await griotInTerminal(['ask', QUESTION], env);
    expect(ask.stdout).toContain('Niger');
    expect(ask.stdout).not.toContain('scan.txt');
    expect((await griot(['doctor'], env)).stdout).toMatch(/skipped scan\.txt: /);
  });
});

describe('a full disk', () => {
  let disk: string;
  let mounted = false;
  beforeAll(async () => {
    disk = join(base, 'disk');
    await mkdir(disk);
    mounted = mountSmallDisk(disk);
  });
  afterAll(() => {
    if (mounted) unmount(disk);
  });

  /** DATA_DIR on the small disk, used once, then the disk filled to the last block. */
  async function fullDataDir(name: string): Promise<{ CORPUS_DIR: string; DATA_DIR: string }> {
    const env = await place(name);
    const data = join(disk, name);
    expect((await griot(['ask', QUESTION], { ...env, DATA_DIR: data })).code).toBe(0);
    spawnSync('dd', ['if=/dev/zero', `of=${join(disk, 'fill')}`, 'bs=4k'], { stdio: 'ignore' });
    return { ...env, DATA_DIR: data };
  }

  it('says "no space left" (not "disk I/O error"), answers anyway, and the read-only stats still works', async (ctx) => {
    if (!mounted) ctx.skip();
    const env = await fullDataDir('full');
    const ask = await griot(['ask', QUESTION], env);
    expect(ask.code).toBe(0);
    expect(ask.stdout).toContain('Niger');
    expect(ask.stderr).toContain('no space left on the disk');
    expect(ask.stderr).not.toContain('disk I/O error');
    const stats = await griot(['stats'], env);
    expect(stats.code).toBe(0);
    expect(stats.stderr).not.toMatch(/disk I\/O error|unavailable/);
    expect(stats.stdout).toMatch(/Questions 1 /);
  });

  it('makes reindex exit 1 with "index not saved: no space left on the disk"', async (ctx) => {
    if (!mounted) ctx.skip();
    const env = await fullDataDir('full-reindex');
    await writeFile(join(env.CORPUS_DIR, 'new.txt'), ' date 2022-03 Een nieuw artikel over de terugtrekking uit Mali.');
    const r = await griot(['reindex'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('index not saved: no space left on the disk');
  });

  it('leaves no empty user-hash.salt and no .damaged- file behind, however often it is tried', async (ctx) => {
    if (!mounted) ctx.skip();
    await fullDataDir('full-salt');
    const env = await place('full-fresh');
    const fresh = { ...env, DATA_DIR: join(disk, 'fresh') };
    for (let i = 0; i < 2; i++) expect((await griot(['ask', QUESTION], fresh)).code).toBe(0);
    const left = await readdir(fresh.DATA_DIR).catch(() => [] as string[]);
    expect(left.filter((f) => f.includes('.damaged-') || f.endsWith('.tmp'))).toEqual([]);
    if (left.includes('user-hash.salt')) expect((await stat(join(fresh.DATA_DIR, 'user-hash.salt'))).size).toBe(65);
  });
});
