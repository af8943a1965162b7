import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a command printed and its exit code. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run <args>` as a subprocess with only `env` (and PATH) set; never rejects. */
export async function griot(args: readonly string[], env: Record<string, string>): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** True when util-linux `script` can give a command a terminal. */
export const canUseTerminal = existsSync('/usr/bin/script');

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The same in a terminal (a pseudo-terminal from `script`): what a person sees, stdout and stderr together. */
export async function griotInTerminal(args: readonly string[], env: Record<string, string>): Promise<Ran> {
  const command = [process.execPath, '--import', 'tsx', 'src/main.ts', ...args].map(quote).join(' ');
  try {
    const { stdout } = await run('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TERM: 'dumb', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout: stdout.replace(/\r\n/g, '\n'), stderr: '' };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: (e.stdout ?? '').replace(/\r\n/g, '\n'), stderr: '' };
  }
}

/**
 * Mounts a small tmpfs at `dir` (root only): a real full disk for tests. False when it cannot.
 * Unmount with {@link unmount}.
 */
export function mountSmallDisk(dir: string, size = '2m'): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0;
}

export function unmount(dir: string): void {
  spawnSync('umount', ['-l', dir]);
}
