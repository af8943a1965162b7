import { describe, expect, it } from 'vitest';
import { sourceLine } from '../../src/cli/render.js';
import type { Citation } from '../../src/types.js';

const base: Citation = { n: 1, docId: '001_bb4ad67e1b753670', passageId: '001_bb4ad67e1b753670#0', date: { iso: '2021-06', precision: 'month', inferred: false }, title: 'De beslissing komt niet uit de lucht vallen.', text: '…' };

describe('sourceLine', () => {
  it('gives a folder article its date, title and id', () => {
    expect(sourceLine(base)).toBe('[1] 2021-06 · De beslissing komt niet uit de lucht vallen. · 001_bb4ad67e1b753670');
  });

  it('gives an article from the web its outlet and, on the next line, the address to open', () => {
    const line = sourceLine({ ...base, n: 2, docId: 'url_1', title: 'Frankrijk trekt troepen terug uit Mali', site: 'De Dagkrant', url: 'https://www.dagkrant.example/mali' });
    expect(line.split('\n')).toEqual(['[2] 2021-06 · Frankrijk trekt troepen terug uit Mali · De Dagkrant · url_1', '    https://www.dagkrant.example/mali']);
  });
});
