import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../../src/discord/render/split.js';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('splitMessage', () => {
  it('returns short text as one piece', () => {
    expect(splitMessage('Niger is ready [1].', 2000)).toEqual(['Niger is ready [1].']);
  });

  it('cuts at a paragraph break when there is one near the limit', () => {
    const a = 'A'.repeat(60);
    const b = 'B'.repeat(60);
    expect(splitMessage(`${a}\n\n${b}`, 100)).toEqual([a, b]);
  });

  it('cuts after a sentence (and its citations) when no paragraph break fits', () => {
    const text = `${'word '.repeat(10)}ends here [1][2]. ${'more '.repeat(30)}`;
    const [first] = splitMessage(text, 100);
    expect(first!.endsWith('ends here [1][2].')).toBe(true);
  });

  it('never cuts inside a [n] marker, even with no sentence or space to cut at', () => {
    const text = `${'x'.repeat(95)}[12]${'y'.repeat(50)}`;
    const pieces = splitMessage(text, 97);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(97);
      expect(p.replace(/\[\d+\]/g, '')).not.toMatch(/[[\]]/);
    }
    expect(pieces.join('')).toBe(text);
  });

  it('keeps every word and every citation, each piece within the limit (many random texts)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const parts: string[] = [];
      for (let i = 0; i < 80; i++) {
        const r = rand();
        parts.push(r < 0.1 ? `[${Math.floor(rand() * 20) + 1}]` : r < 0.2 ? 'end.' : r < 0.25 ? '\n\n' : 'w'.repeat(1 + Math.floor(rand() * 12)));
      }
      const text = parts.join(' ');
      const max = 40 + Math.floor(rand() * 200);
      const pieces = splitMessage(text, max);
      for (const p of pieces) {
        expect(p.length).toBeLessThanOrEqual(max);
        expect(p.replace(/\[\d+\]/g, '')).not.toMatch(/[[\]]/);
      }
      expect(words(pieces.join(' '))).toEqual(words(text));
    }
  });
});
