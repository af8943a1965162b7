import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUploadedDocument, sanitiseUploadName } from '../../src/corpus/upload.js';

const ARTICLE = ' date 2022-02 Les soldats français quittent la base de Gao.';
const utf8 = (s: string) => new TextEncoder().encode(s);

let root: string;
let corpus: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'griot-upload-'));
  corpus = path.join(root, 'a', 'corpus');
  await mkdir(corpus, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under the temporary root, relative to it. */
async function allFiles(): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

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

describe('addUploadedDocument', () => {
  it('writes "../../x.txt" inside CORPUS_DIR as x.txt and nowhere else', async () => {
    const result = await addUploadedDocument(corpus, '../../x.txt', utf8(ARTICLE));
    expect(result).toEqual({ ok: true, file: 'x.txt', id: 'x', replaced: false });
    expect(await allFiles()).toEqual([path.join('a', 'corpus', 'x.txt')]);
    expect(await readFile(path.join(corpus, 'x.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('replaces a document with the same name, in its sub-folder', async () => {
    await mkdir(path.join(corpus, 'mali'));
    await writeFile(path.join(corpus, 'mali', 'gao.txt'), 'oud artikel over Gao');
    const result = await addUploadedDocument(corpus, 'gao.txt', utf8(ARTICLE));
    expect(result).toEqual({ ok: true, file: 'mali/gao.txt', id: 'gao', replaced: true });
    expect(await readFile(path.join(corpus, 'mali', 'gao.txt'), 'utf8')).toBe(ARTICLE);
    expect(await allFiles()).toEqual([path.join('a', 'corpus', 'mali', 'gao.txt')]);
  });

  it.each([
    ['binary.txt', new Uint8Array([0x47, 0x49, 0x46, 0x00, 0x01]), /binary/],
    ['latin1.txt', new Uint8Array([0x72, 0xe9, 0x67, 0x69, 0x6f, 0x6e]), /not valid UTF-8/],
    ['empty.txt', new Uint8Array(), /no text left/],
    ['big.md', utf8('a'.repeat(1024 * 1024 + 1)), /over the 1\.0 MiB limit/],
    ['report.pdf', utf8(ARTICLE), /\.txt or \.md/],
    ['../../', utf8(ARTICLE), /\.txt or \.md/],
  ])('refuses %s with the reason and writes nothing', async (name, bytes, reason) => {
    const result = await addUploadedDocument(corpus, name, bytes, 64 * 1024 * 1024);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
    expect(await allFiles()).toEqual([]);
  });

  it('refuses a name whose id another file already has, leaving that file as it was', async () => {
    await writeFile(path.join(corpus, 'gao.md'), 'oud artikel over Gao');
    const result = await addUploadedDocument(corpus, 'gao.txt', utf8(ARTICLE));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/id "gao" already exists as gao\.md/) });
    expect(await allFiles()).toEqual([path.join('a', 'corpus', 'gao.md')]);
    expect(await readFile(path.join(corpus, 'gao.md'), 'utf8')).toBe('oud artikel over Gao');
  });

  it('refuses when CORPUS_DIR does not exist', async () => {
    const result = await addUploadedDocument(path.join(root, 'missing'), 'x.txt', utf8(ARTICLE));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/does not exist; check CORPUS_DIR/) });
    expect(await allFiles()).toEqual([]);
  });
});
