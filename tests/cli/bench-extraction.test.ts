import { describe, expect, it } from 'vitest';
import { benchExtractionCommand } from '../../src/cli/bench-extraction.js';

describe('npm run bench:extraction', () => {
  it('says where it looked when the benchmark is absent, and exits 1', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await benchExtractionCommand(['--dir', '/nonexistent/extraction'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err.join('')).toContain('no extraction benchmark at /nonexistent/extraction');
    expect(out).toEqual([]);
  });
});
