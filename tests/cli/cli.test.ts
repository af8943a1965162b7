import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `node --import tsx src/main.ts …` as a user would (no LLM, no Discord). */
async function cli(args: string[], env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'griot-cli-'));
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, CORPUS_DIR: join(ROOT, 'seeds') };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: ROOT, env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run ask', () => {
  it('prints a cited answer, the sources and the extractive notice', async () => {
    const r = await cli(['ask', 'Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/55 Franse soldaten gesneuveld \[1\]/);
    expect(r.stdout).toMatch(/Sources:\n\[1\] 2021-06 · .+ · 001_bb4ad67e1b753670/);
    expect(r.stdout).toMatch(/Extractief antwoord: er is geen LLM ingesteld/);
  });

  it('--json prints exactly one JSON object on stdout', async () => {
    const r = await cli(['ask', '--json', 'Welk land is bereid om als thuisbasis te dienen?']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ mode: 'extractive', refused: false });
    expect(json.citations[0]).toMatchObject({ n: 1, docId: '002_68a43d7a4bec2f41', date: '2022-02' });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('explains a missing question with the usage and exit code 2', async () => {
    const r = await cli(['ask']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Ask a question, e\.g\. npm run ask -- "/);
    expect(r.stderr).toMatch(/Usage/i);
  });

  it('answers "a" with the usage line in English, not a refusal in French', async () => {
    const r = await cli(['ask', 'a']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Ask a question in words, e\.g\. npm run ask -- "/);
    expect(r.stdout).toBe('');
  });

  it('refuses a question over 500 characters at once, with a clear message and no answer', async () => {
    const long = `Wanneer vertrok Barkhane ${'uit Mali '.repeat(12_000)}?`;
    const r = await cli(['ask', long]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^The question is 108,0\d\d characters long; Griot takes questions of at most 500 characters\. Ask it in fewer words\./);
    expect(r.stdout).toBe('');
  });

  it('stops on an invalid setting, naming it', async () => {
    const r = await cli(['ask', 'x'], { LLM_TIMEOUT_MS: 'fast' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/LLM_TIMEOUT_MS: expected a whole number/);
  });
});

describe('npm run search', () => {
  it('--json lists ranked passages with their metadata', async () => {
    const r = await cli(['search', '--json', '--limit', '2', 'Wagner Bamako']);
    const json = JSON.parse(r.stdout);
    expect(json.results).toHaveLength(2);
    expect(json.results[0]).toMatchObject({ docId: '003_744bafa943ee8020', date: '2021-10' });
  });

  it('rejects a bad date bound with the accepted forms', async () => {
    const r = await cli(['search', '--from', 'June', 'Wagner']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});

describe('npm run timeline', () => {
  it('--json lists dated, cited events', async () => {
    const r = await cli(['timeline', '--json', '--from', '2021-05-01', '--to', '2021-05-31']);
    const json = JSON.parse(r.stdout);
    const days = json.events.filter((e: { precision: string }) => e.precision === 'day');
    expect(days.map((e: { date: string }) => e.date)).toEqual(['2021-05-24', '2021-05-30']);
    expect(days[0]).toMatchObject({ precision: 'day', inferred: true, citations: [{ docId: '001_bb4ad67e1b753670', date: '2021-06' }] });
  });
});

describe('npm start', () => {
  it('without DISCORD_TOKEN names it, points to the terminal and exits 1', async () => {
    const r = await cli(['bot']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DISCORD_TOKEN/);
    expect(r.stderr).toMatch(/npm run ask/);
  });
});
