import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonlGzArticles } from './articles.js';
import { fixGluedSentences } from './glue.js';

/**
 * Writes a haystack corpus: the seed files plus the first `count` articles of an OrangeSum-style
 * .jsonl.gz, each as `<id>.txt` with the ` date YYYY-MM-DD ` header, its title on the first line and
 * its text (glued sentences repaired) after a blank line. Returns the number of articles written.
 */
export async function writeHaystackCorpus(dir: string, seedsDir: string, jsonlGz: string, count: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(seedsDir)) if (f.endsWith('.txt')) await copyFile(join(seedsDir, f), join(dir, f));
  let n = 0;
  for await (const a of readJsonlGzArticles(jsonlGz)) {
    if (n >= count) break;
    const title = a.title ?? '';
    const header = a.date ? ` date ${a.date} ` : '';
    await writeFile(join(dir, `${a.id}.txt`), `${header}${title}\n\n${fixGluedSentences(a.text)}\n`);
    n++;
  }
  return n;
}
