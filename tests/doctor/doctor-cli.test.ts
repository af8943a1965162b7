import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/doctor/types.js';
import { removeDirs, tempDirs } from '../helpers/corpus-dirs.js';
import { closedPort } from '../helpers/ports.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** `npm run -s doctor -- <args>` with only these variables (no .env keys of the machine). */
async function doctor(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'doctor', '--', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run doctor', () => {
  let dirs: { corpusDir: string; dataDir: string };
  beforeAll(async () => {
    dirs = await tempDirs();
  });
  afterAll(() => removeDirs(dirs));

  it('--json with no keys: exit 0, everything configured ✓, the LLM and Discord "not configured"', async () => {
    const r = await doctor({ CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir }, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as DoctorReport;
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(report.ok).toBe(true);
    expect(status).toMatchObject({ settings: 'ok', corpus: 'ok', 'data-dir': 'ok', llm: 'not-configured', discord: 'not-configured' });
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.checks.find((c) => c.id === 'corpus')!.data).toMatchObject({ documents: 3 });
  }, 60_000);

  it('with OPENAI_BASE_URL at a closed port: the LLM ✗ with a fix, exit 1', async () => {
    const port = await closedPort();
    const r = await doctor({ CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir, OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` }, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as DoctorReport;
    const endpoint = report.checks.find((c) => c.id === 'llm.endpoint')!;
    expect(endpoint).toMatchObject({ status: 'fail', fix: expect.stringMatching(/OPENAI_BASE_URL/) });
    expect(endpoint.summary).toContain(`127.0.0.1:${port}`);
    expect(report.ok).toBe(false);
  }, 60_000);

  it('prints one line per check with ✓, ✗ or · and the fix, and names every invalid setting', async () => {
    const r = await doctor({ CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir, RATE_LIMIT_PER_MINUTE: 'lots' });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^✗ settings: 1 invalid setting → fix these in \.env/);
    expect(lines[1]).toMatch(/^ {4}RATE_LIMIT_PER_MINUTE: .*"lots"/);
  }, 60_000);
});
