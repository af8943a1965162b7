import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCorpusFiles, loadCorpus, scanCorpus, validateDocumentBytes, type ReadDir } from '../../src/corpus/load.js';

const GOOD = ' date 2021-10 Eind vorige week landden vier Russische vrachtvliegtuigen in Bamako.\n\nDe Fransen vechten sinds 2014 tegen opstandelingen.';
const utf8 = (s: string) => new TextEncoder().encode(s);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'griot-corpus-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadCorpus', () => {
  it('loads the good file and reports each bad one with its reason', async () => {
    await writeFile(path.join(dir, 'good.txt'), GOOD);
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x02]));
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.from([0x72, 0xe9, 0x67, 0x69, 0x6f, 0x6e])); // "région" in Latin-1
    await writeFile(path.join(dir, 'empty.txt'), '  \n\n');
    await writeFile(path.join(dir, 'big.txt'), 'a'.repeat(2048));
    await writeFile(path.join(dir, 'ignored.pdf'), GOOD);

    const { documents, skipped } = await loadCorpus(dir, { maxBytes: 1024 });

    expect(documents.map((d) => d.id)).toEqual(['good']);
    expect(documents[0]).toMatchObject({ file: 'good.txt', date: { iso: '2021-10' }, lang: 'nl' });
    const reasons = Object.fromEntries(skipped.map((s) => [s.file, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['big.txt', 'binary.txt', 'empty.txt', 'latin1.txt']);
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['latin1.txt']).toMatch(/not valid UTF-8/);
    expect(reasons['empty.txt']).toMatch(/no text left/);
    expect(reasons['big.txt']).toMatch(/2048 bytes/);
    expect(reasons['big.txt']).toMatch(/1024 bytes/);
  });

  it('reads .txt and .md files in sub-folders, in path order, and skips a duplicate id', async () => {
    await mkdir(path.join(dir, 'a'));
    await mkdir(path.join(dir, 'b'));
    await writeFile(path.join(dir, 'b', 'same.txt'), GOOD);
    await writeFile(path.join(dir, 'a', 'same.md'), '# Kop\n\nEen markdown artikel over Mali en Frankrijk.');
    await writeFile(path.join(dir, 'z.TXT'), GOOD);

    const { documents, skipped } = await loadCorpus(dir);

    expect(documents.map((d) => d.file)).toEqual(['a/same.md', 'z.TXT']);
    expect(skipped).toEqual([
      { file: 'b/same.txt', reason: expect.stringMatching(/duplicate document id "same".*a\/same\.md/) },
    ]);
  });

  it('reports a file that cannot be read (a dangling link) and still loads the rest', async () => {
    await writeFile(path.join(dir, 'good.txt'), GOOD);
    await symlink(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
    const { documents, skipped } = await loadCorpus(dir);
    expect(documents.map((d) => d.id)).toEqual(['good']);
    expect(skipped).toEqual([{ file: 'dangling.txt', reason: expect.stringMatching(/could not be read \(ENOENT/) }]);
  });

  it('skips a sub-folder it may not read and reports it like an unreadable file, loading the rest', async () => {
    await writeFile(path.join(dir, 'good.txt'), GOOD);
    await mkdir(path.join(dir, 'private'));
    await writeFile(path.join(dir, 'private', 'secret.txt'), GOOD);
    // As an unprivileged user sees a chmod 000 folder (root reads it anyway, so the refusal is injected).
    const readDir: ReadDir = async (folder) => {
      if (folder.endsWith(`${path.sep}private`)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
      return readdir(folder, { withFileTypes: true });
    };
    const { documents, skipped, entries } = await loadCorpus(dir, { readDir });
    expect(documents.map((d) => d.id)).toEqual(['good']);
    expect(skipped).toEqual([{ file: 'private/', reason: "folder could not be read (EACCES); check the folder's permissions" }]);
    // The fingerprint knows the folder: the index is rebuilt once it becomes readable.
    expect(await scanCorpus(dir, { readDir })).toEqual(entries);
    expect(entries[0]).toEqual({ file: 'private/', hash: 'unreadable:EACCES' });
  });

  it('skips a folder nested past the path-length limit, saying so', async () => {
    await writeFile(path.join(dir, 'good.txt'), GOOD);
    await mkdir(path.join(dir, 'deep', 'deeper'), { recursive: true });
    const readDir: ReadDir = async (folder) => {
      if (folder.endsWith('deeper')) throw Object.assign(new Error(`ENAMETOOLONG: name too long, scandir '${folder}'`), { code: 'ENAMETOOLONG' });
      return readdir(folder, { withFileTypes: true });
    };
    const { documents, skipped } = await loadCorpus(dir, { readDir });
    expect(documents.map((d) => d.id)).toEqual(['good']);
    expect(skipped).toEqual([
      { file: 'deep/deeper/', reason: 'folder could not be read (ENAMETOOLONG); its path is longer than the system allows; move the folder higher up or shorten the folder names' },
    ]);
  });

  it('reports a file whose date header is impossible (" date 2021-13") instead of indexing it undated', async () => {
    await writeFile(path.join(dir, 'good.txt'), GOOD);
    await writeFile(path.join(dir, 'typo.txt'), ' date 2021-13 De Franse troepen vertrokken uit Gao.');
    const { documents, skipped } = await loadCorpus(dir);
    expect(documents.map((d) => d.id)).toEqual(['good']);
    expect(skipped).toEqual([{ file: 'typo.txt', reason: 'bad date header "date 2021-13": there is no month 13; write date YYYY-MM or YYYY-MM-DD, or remove the header' }]);
  });

  it('gives a file whose name holds a newline a document id without it', async () => {
    await writeFile(path.join(dir, 'two\nlines.txt'), GOOD);
    const { documents } = await loadCorpus(dir);
    expect(documents.map((d) => d.id)).toEqual(['two_lines']);
    expect(documents[0]!.passages.every((p) => !p.id.includes('\n'))).toBe(true);
  });

  it('says a symbolic link loop is a loop', async () => {
    await writeFile(path.join(dir, 'good.txt'), GOOD);
    await symlink('loop.txt', path.join(dir, 'loop.txt'));
    const { skipped } = await loadCorpus(dir);
    expect(skipped).toEqual([{ file: 'loop.txt', reason: 'could not be read (symbolic link loop); it is a symbolic link loop (the link leads back to itself); fix or remove the link' }]);
  });

  it('strips a UTF-8 byte-order mark so the header is still read', async () => {
    await writeFile(path.join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]));
    const { documents } = await loadCorpus(dir);
    expect(documents[0]?.date?.iso).toBe('2021-10');
    expect(documents[0]?.text.startsWith('Eind vorige week')).toBe(true);
  });

  it('throws a message naming the directory when it does not exist', async () => {
    await expect(loadCorpus(path.join(dir, 'missing'))).rejects.toThrow(/missing.*CORPUS_DIR/);
  });

  it('ignores hidden folders', async () => {
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, '.git', 'notes.txt'), GOOD);
    await writeFile(path.join(dir, 'visible.txt'), GOOD);
    expect(await listCorpusFiles(dir)).toEqual(['visible.txt']);
  });
});

describe('validateDocumentBytes', () => {
  it('parses good bytes and hashes the bytes', () => {
    const result = validateDocumentBytes('up/new.txt', utf8(GOOD), 1024);
    expect('skip' in result).toBe(false);
    if (!('skip' in result)) {
      expect(result.id).toBe('new');
      expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.each([
    ['oversized', utf8('x'.repeat(20)), 10, /20 bytes.*10 bytes/],
    ['binary', new Uint8Array([0x41, 0x00, 0x42]), 1024, /NUL/],
    ['not UTF-8', new Uint8Array([0x66, 0xff, 0x66]), 1024, /UTF-8/],
    ['empty', new Uint8Array([]), 1024, /no text left/],
  ] as const)('rejects %s bytes with a reason', (_name, bytes, max, reason) => {
    const result = validateDocumentBytes('x.txt', bytes, max);
    expect(result).toEqual({ skip: expect.stringMatching(reason) });
  });
});

describe('scanCorpus with the entries of an earlier scan', () => {
  it('trusts a file whose size and mtime are unchanged, and hashes it again once either changed', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, GOOD);
    const [first] = await scanCorpus(dir);
    expect(first).toMatchObject({ file: 'a.txt', size: GOOD.length });
    // A recorded hash that is not the file's: only a scan that did not read the file reports it.
    const known = new Map([['a.txt', { ...first!, hash: 'recorded' }]]);
    expect((await scanCorpus(dir, { known }))[0]?.hash).toBe('recorded');
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect((await scanCorpus(dir, { known }))[0]?.hash).toBe(first!.hash);
  });

  it('reads a file changed to the same size with a new mtime', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, 'Wagner in Bamako.');
    const known = new Map((await scanCorpus(dir)).map((e) => [e.file, e]));
    await writeFile(file, 'Takuba in Gao!!!.');
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const { documents } = await loadCorpus(dir, { known });
    expect(documents[0]?.text).toContain('Takuba');
  });
});
