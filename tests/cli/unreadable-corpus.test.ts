import { execFile } from 'node:child_process';
import { chmod, chown, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOBODY = 65534;
/** Root reads a chmod 000 folder anyway: as root, the commands run as nobody (setpriv), as a user would. */
const asRoot = process.getuid?.() === 0;
const canDrop = !asRoot || existsSync('/usr/bin/setpriv');

let base: string;
let corpus: string;
let dataDir: string;

async function griot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: base, DATA_DIR: dataDir, CORPUS_DIR: corpus };
  const command = asRoot ? 'setpriv' : process.execPath;
  const argv = [...(asRoot ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath] : []), '--import', 'tsx', 'src/main.ts', ...args];
  try {
    const { stdout, stderr } = await run(command, argv, { cwd: ROOT, env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(!canDrop)('a corpus sub-folder the user may not read', () => {
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'griot-unreadable-'));
    corpus = join(base, 'corpus');
    dataDir = join(base, 'data');
    await cp(join(ROOT, 'seeds'), corpus, { recursive: true });
    await mkdir(join(corpus, 'private'));
    await writeFile(join(corpus, 'private', 'notes.txt'), ' date 2022-01 Een privé notitie over Mali.');
    await mkdir(dataDir);
    if (asRoot) {
      await chmod(base, 0o755);
      await chown(dataDir, NOBODY, NOBODY);
    }
    // A valid saved index first, built while the folder was readable.
    expect((await griot(['reindex'])).code).toBe(0);
    await chmod(join(corpus, 'private'), 0o000);
  }, 180_000);
  afterAll(async () => {
    await chmod(join(corpus, 'private'), 0o755).catch(() => {});
    await rm(base, { recursive: true, force: true });
  });

  it('does not stop ask: the question is answered from the saved index', async () => {
    const r = await griot(['ask', 'Which country is willing to serve as the new home base for the mission?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Niger');
    expect(r.stderr).not.toContain('Cannot read the corpus directory');
  }, 120_000);

  it('does not stop reindex, which reports the folder like an unreadable file', async () => {
    const r = await griot(['reindex']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/private\/.*folder could not be read \(EACCES\); check the folder's permissions/);
  }, 120_000);
});
