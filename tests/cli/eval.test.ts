import { fileURLToPath } from 'node:url';
import { FITTED } from '../../src/answer/fitted-model.js';
import { describe, expect, it } from 'vitest';
import { evalCommand } from '../../src/cli/eval.js';
import { testApp } from '../helpers/app.js';
import { captureIo } from '../helpers/io.js';

const DEV_V2 = fileURLToPath(new URL('../fixtures/dev-questions-v2.jsonl', import.meta.url));

describe('npm run eval', () => {
  it('writes per-language rows, the threshold sweep and every question as one JSON object with --json', async () => {
    const app = await testApp();
    const io = captureIo();
    expect(await evalCommand(app, [DEV_V2, '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout) as {
      mode: string;
      threshold: number;
      summary: Record<string, { answerAccuracy: number; bearingTop3: number; falseRefusalRate: number; refusalAccuracy: number | null }>;
      sweep: { threshold: number; byLang: Record<string, { answerAccuracy: number }> }[];
      questions: { id: string; confidence: number | null }[];
    };
    expect(out.mode).toBe('extractive');
    expect(Object.keys(out.summary)).toEqual(['en', 'nl', 'fr', 'all']);
    for (const s of Object.values(out.summary)) {
      expect(s.answerAccuracy).toBeGreaterThanOrEqual(0);
      expect(s.refusalAccuracy).not.toBeNull();
    }
    expect(out.questions).toHaveLength(60);
    expect(out.questions.every((q) => typeof q.confidence === 'number')).toBe(true);
    // The sweep at the threshold in use agrees with the answers actually given.
    const row = out.sweep.find((r) => Math.abs(r.threshold - out.threshold) < 1e-9);
    expect(row?.byLang.en?.answerAccuracy).toBeCloseTo(out.summary.en!.answerAccuracy, 5);
  });

  it('prints the sweep with the threshold in use marked', async () => {
    const app = await testApp();
    const io = captureIo();
    await evalCommand(app, [DEV_V2], io);
    expect(io.stdout).toMatch(/Threshold sweep/);
    const inUse = FITTED.answer.threshold.toFixed(2);
    expect(io.stdout).toContain(`| ${inUse} ← |`);
    expect(io.stdout).toMatch(/Precision against coverage/);
  });
});
