import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottledEditor } from '../../src/discord/throttled-editor.js';

describe('createThrottledEditor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('edits at most once per interval with the newest text, and finish waits out the interval', async () => {
    const edits: Array<{ at: number; text: string }> = [];
    const editor = createThrottledEditor(async (text) => void edits.push({ at: Date.now(), text }), { intervalMs: 1000 });
    const start = Date.now();
    for (let i = 1; i <= 30; i++) {
      editor.update(`text ${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    const finished = editor.finish();
    await vi.advanceTimersByTimeAsync(1000);
    await finished;
    expect(edits.length).toBeGreaterThanOrEqual(3);
    expect(edits.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < edits.length; i++) expect(edits[i]!.at - edits[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    expect(edits[0]!.text).toBe('text 1');
    expect(Date.now() - edits.at(-1)!.at).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - start).toBeGreaterThanOrEqual(3000);
  });

  it('drops updates after finish', async () => {
    const edits: string[] = [];
    const editor = createThrottledEditor(async (t) => void edits.push(t), { intervalMs: 1000 });
    await editor.finish();
    editor.update('late');
    await vi.advanceTimersByTimeAsync(2000);
    expect(edits).toEqual([]);
  });
});
