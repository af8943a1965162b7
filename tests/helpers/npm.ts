import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run -s <script> -- …args` in the repository as a user would, over the seeds and `dataDir`. */
export async function npmRun(script: string, args: readonly string[], dataDir: string, env: Record<string, string> = {}) {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, CORPUS_DIR: join(ROOT, 'seeds') };
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', script, '--', ...args], { cwd: ROOT, env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Three terminal questions: two the seeds answer, one they cannot (the last). */
export const THREE_QUESTIONS = [
  'Welk land is bereid om als thuisbasis te dienen?',
  'Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?',
  'Who won the 2018 football world cup?',
] as const;
