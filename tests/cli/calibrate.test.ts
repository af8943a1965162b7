import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FITTED, parseFitted, probability } from '../../src/answer/fitted-model.js';
import { FEATURES, type Evidence } from '../../src/answer/evidence.js';
import { readJsonlGzArticles } from '../../src/bench/articles.js';
import { calibrate, crossValidate, figures, handSetPrecision, renderCurve, type CalibrationRow } from '../../src/cli/calibrate.js';
import { readQuestions } from '../../src/cli/eval.js';

/** Rows whose first feature tells right from wrong (the second is noise), traps among them, at both sizes. */
function rows(): CalibrationRow[] {
  const out: CalibrationRow[] = [];
  for (let i = 0; i < 120; i++) {
    const x = FEATURES.map(() => 0);
    const answerable = i % 6 !== 0;
    // Traps find only weak sentences; answerable questions strong and weak ones.
    x[0] = answerable ? (i % 10) / 10 : 0.1;
    x[1] = ((i * 7) % 5) / 5;
    const right = answerable && x[0]! > 0.45;
    out.push({ set: 's', size: i % 2 ? 'corpus' : 'haystack', id: `q${Math.floor(i / 2)}`, lang: 'en', answerable, right, leadShown: right, leadRight: right, x });
  }
  out.push({ set: 's', size: 'corpus', id: 'none', lang: 'en', answerable: true, right: false, leadShown: false, leadRight: false, x: null });
  return out;
}

describe('calibrate', () => {
  it('chooses a threshold at which the answers it keeps are right at least as often as aimed', () => {
    const c = calibrate(rows());
    expect(c.leadThreshold).toBeGreaterThanOrEqual(c.threshold);
    const f = figures(crossValidate(rows(), 5));
    expect(f.precision).toBeGreaterThanOrEqual(0.85);
    expect(f.accuracy).toBeGreaterThan(0.3);
    // A question no sentence was judged for is refused, and counted.
    expect(f.questions).toBe(121);
  });
});

describe('the operating point and the curve', () => {
  it('answers more precisely than the hand-set score did, and shows precision against coverage at fixed thresholds', () => {
    const cv = crossValidate(rows(), 5);
    const answered = cv.filter((d) => d.answered);
    expect(answered.filter((d) => d.row.right).length / answered.length).toBeGreaterThan(handSetPrecision(rows()));
    const curve = renderCurve(cv).split('\n').slice(2);
    expect(curve.length).toBe(11);
    // Bundled precision at each threshold where something is answered: it rises as fewer are.
    const precisions = curve.map((line) => /^\| [\d.]+ \| \d+% \/ (\d+)%/.exec(line)?.[1]).filter((x) => x !== undefined).map(Number);
    expect(precisions.length).toBeGreaterThan(1);
    expect(precisions.at(-1)!).toBeGreaterThan(precisions[0]!);
  });
});

describe('the committed model', () => {
  it('names only known features and gives a higher bar to the bold line than to answering', () => {
    expect(FITTED.leadThreshold).toBeGreaterThanOrEqual(FITTED.answer.threshold);
    const none = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Evidence;
    const p = probability(FITTED.answer, none);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(FITTED.answer.threshold);
  });

  it('says which file is wrong and how to mend it', () => {
    expect(() => parseFitted('{"answer": {"bias": 0, "weights": {"nonsense": 1}, "threshold": 0.5}, "leadThreshold": 0.6}')).toThrow(/fitted-weights\.json.*npm run calibrate/);
  });
});

// ../shared beside the clone (CI), or SHARED_DIR.
const ORANGESUM = `${process.env.SHARED_DIR ?? fileURLToPath(new URL('../../../shared', import.meta.url))}/corpora/orangesum-fr.jsonl.gz`;

describe.skipIf(!existsSync(ORANGESUM))('the OrangeSum questions (with ../shared)', () => {
  it('name gold articles that are among the first 5,000 the haystack holds', async () => {
    const questions = await readQuestions(fileURLToPath(new URL('../fixtures/orangesum-questions.jsonl', import.meta.url)));
    const wanted = new Set(questions.flatMap((q) => q.gold).map((g) => g.replace(/^orangesum-/, '')));
    let n = 0;
    for await (const a of readJsonlGzArticles(ORANGESUM)) {
      if (n++ >= 5000) break;
      wanted.delete(String(a.id).replace(/^orangesum-/, ''));
    }
    expect([...wanted]).toEqual([]);
  }, 60_000);
});
