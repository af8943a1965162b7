import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDays, renderStats, sparkline } from '../../src/cli/stats.js';
import type { AnswerStats } from '../../src/store/types.js';
import { npmRun, THREE_QUESTIONS } from '../helpers/npm.js';

describe('npm run stats', () => {
  let dataDir: string | undefined;
  afterEach(async () => dataDir && rm(dataDir, { recursive: true, force: true }));

  it('after three terminal questions, one unanswerable, --json counts them and lists the refused one in topRefused', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'griot-stats-'));
    for (const q of THREE_QUESTIONS) expect((await npmRun('ask', [q], dataDir)).code).toBe(0);
    const r = await npmRun('stats', ['--json'], dataDir);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const s = JSON.parse(r.stdout);
    expect(s.questions).toBeGreaterThanOrEqual(3);
    expect(s.refused).toBeGreaterThanOrEqual(1);
    expect(s.answered).toBe(s.questions - s.refused);
    expect(s.topRefused).toContainEqual({ question: THREE_QUESTIONS[2], count: 1 });
    expect(s.byLanguage).toEqual({ nl: 2, en: 1 });
    expect(s.byMode).toEqual({ llm: 0, extractive: 3, fallback: 0 });
    expect(s.bySource).toEqual({ discord: 0, cli: 3 });
    expect(s.votes).toEqual({ up: 0, down: 0, ratio: null });
    expect(s.perDay).toHaveLength(30);
    expect(s.perDay.at(-1).questions).toBe(3);
    expect(s.latencyMs.p50).toBeGreaterThanOrEqual(0);

    const text = await npmRun('stats', ['--days', '7'], dataDir);
    expect(text.stdout).toMatch(/last 7 days/);
    expect(text.stdout).toMatch(/Questions 3 · answered 2 \(67%\) · refused 1 \(33%\)/);
    expect(text.stdout).toContain(`1× “${THREE_QUESTIONS[2]}”`);
    expect(text.stdout).toMatch(/Per day: ▁▁▁▁▁▁█/);
    // Five npm processes: slow on a busy machine, so a generous ceiling (not a timing assertion).
  }, 120_000);

  it('rejects a bad --days with the accepted range and exit code 2', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'griot-stats-'));
    const r = await npmRun('stats', ['--days', '0'], dataDir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--days expects a whole number from 1 to 3650, got "0"/);
  });
});

describe('parseDays', () => {
  it('defaults to 30 and accepts 1 to 3650', () => {
    expect(parseDays(undefined)).toBe(30);
    expect(parseDays('1')).toBe(1);
    expect(parseDays('3650')).toBe(3650);
    for (const bad of ['0', '3651', '2.5', 'week', '']) expect(() => parseDays(bad)).toThrow(/--days expects a whole number/);
  });
});

describe('sparkline', () => {
  it('draws zero as the lowest bar and the rest in proportion to the largest', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe('▁▂▃▅█');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(sparkline([])).toBe('');
  });
});

describe('renderStats', () => {
  const stats: AnswerStats = {
    days: 2,
    since: '2026-03-09T00:00:00.000Z',
    until: '2026-03-10T18:00:00.000Z',
    questions: 4,
    answered: 3,
    refused: 1,
    byLanguage: { nl: 1, en: 3 },
    byMode: { llm: 2, extractive: 1, fallback: 1 },
    bySource: { discord: 3, cli: 1 },
    latencyMs: { p50: 120, p95: 900 },
    votes: { up: 3, down: 1, ratio: 0.75 },
    perDay: [
      { day: '2026-03-09', questions: 1, refused: 0 },
      { day: '2026-03-10', questions: 3, refused: 1 },
    ],
    topRefused: [{ question: 'Who won the world cup?', count: 2 }],
    latestDown: [
      { answerId: 'abc', at: '2026-03-10T12:05:00.000Z', question: 'Where is Menaka?', url: 'https://discord.com/channels/1/2/3' },
      { answerId: 'def', at: '2026-03-10T11:00:00.000Z', question: null, url: null },
    ],
    autoAnswer: [],
  };

  it('shows every figure a moderator reads, for the terminal with plain URLs', () => {
    expect(renderStats(stats)).toBe(
      [
        'Griot answers, last 2 days (2026-03-09 to 2026-03-10)',
        'Questions 4 · answered 3 (75%) · refused 1 (25%)',
        'Languages: en 3 · nl 1',
        'Modes: llm 2 · extractive 1 · fallback 1',
        'Sources: discord 3 · cli 1',
        'Latency: p50 120 ms · p95 900 ms',
        'Votes: 👍 3 · 👎 1 (75% 👍)',
        'Per day: ▄█ (most 3 a day)',
        '',
        'Most refused questions (what the corpus lacks):',
        '2× “Who won the world cup?”',
        '',
        'Latest 👎:',
        '2026-03-10 12:05 “Where is Menaka?” https://discord.com/channels/1/2/3',
        '2026-03-10 11:00 answer def (no longer in the log)',
      ].join('\n'),
    );
  });

  it('in Discord, bolds headings and links the 👎 answers without embeds', () => {
    const text = renderStats(stats, { markdown: true });
    expect(text).toMatch(/^\*\*Griot answers, last 2 days/);
    expect(text).toContain('“Where is Menaka?” [open](<https://discord.com/channels/1/2/3>)');
    expect(text).toContain('Per day: `▄█`');
  });

  it('shows auto-answer coverage per forum when posts were considered (Discord names the channel)', () => {
    const withForums: AnswerStats = { ...stats, autoAnswer: [{ forumId: '555555555555555555', posts: 4, answered: 3 }, { forumId: '666666666666666666', posts: 1, answered: 0 }] };
    expect(renderStats(withForums)).toContain('Auto-answer: forum 555555555555555555 3 of 4 posts (75%) · forum 666666666666666666 0 of 1 posts (0%)');
    expect(renderStats(withForums, { markdown: true })).toContain('Auto-answer: <#555555555555555555> 3 of 4 posts (75%)');
    expect(renderStats(stats)).not.toContain('Auto-answer');
  });
});
