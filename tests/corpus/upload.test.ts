import { describe, expect, it } from 'vitest';
import { sanitiseUploadName } from '../../src/corpus/upload.js';

describe('sanitiseUploadName', () => {
  it.each([
    ['../../x.txt', 'x.txt'],
    ['..\\..\\evil.md', 'evil.md'],
    ['Mali juni 2021 (kopie).TXT', 'Mali_juni_2021_kopie_.txt'],
    ['.hidden.txt', 'hidden.txt'],
    ['rapport..final.md', 'rapport.final.md'],
    ['Sévaré.txt', 'Sevare.txt'],
  ])('%s → %s', (name, expected) => {
    expect(sanitiseUploadName(name)).toBe(expected);
  });

  it.each(['notes.pdf', 'x.txt.exe', '.txt', '../..', 'archive'])('refuses %s', (name) => {
    expect(sanitiseUploadName(name)).toBeNull();
  });
});
