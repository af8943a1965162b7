/**
 * Real-size corpus folders for the scale bench: OrangeSum articles written as Griot corpus files
 * (` date YYYY-MM-DD ` header, glued sentences repaired), next to the seeds, exactly what an operator
 * would put in CORPUS_DIR.
 */
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../articles.js';
import { fixGluedSentences } from '../glue.js';

/** The file an article becomes: `<id>.txt` holding the date header and the repaired text. Pure. */
export function articleFile(article: Article): { name: string; body: string } {
  const text = fixGluedSentences(article.text).trim();
  const safeId = article.id.replace(/[^\p{L}\p{N}_-]/gu, '_');
  return { name: `${safeId}.txt`, body: article.date ? ` date ${article.date} ${text}\n` : `${text}\n` };
}

/** Files written at once. */
const BATCH = 64;

/**
 * Fills `dir` (emptied first) with the seed files and the first `count` articles, in a subfolder per
 * thousand so no folder holds 30,000 entries.
 */
export async function writeCorpusDir(dir: string, seedsDir: string, articles: readonly Article[], count: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(seedsDir)) {
    if (name.endsWith('.txt') || name.endsWith('.md')) await copyFile(path.join(seedsDir, name), path.join(dir, name));
  }
  const slice = articles.slice(0, count);
  for (let i = 0; i < slice.length; i += BATCH) {
    await Promise.all(
      slice.slice(i, i + BATCH).map(async (a, j) => {
        const sub = path.join(dir, 'orangesum', String(Math.floor((i + j) / 1000)).padStart(3, '0'));
        await mkdir(sub, { recursive: true });
        const f = articleFile(a);
        await writeFile(path.join(sub, f.name), f.body);
      }),
    );
  }
}

/** The path of the `n`-th article's file inside a folder written by {@link writeCorpusDir}. */
export function articlePath(dir: string, articles: readonly Article[], n: number): string {
  const a = articles[n];
  if (!a) throw new RangeError(`no article ${n}`);
  return path.join(dir, 'orangesum', String(Math.floor(n / 1000)).padStart(3, '0'), articleFile(a).name);
}
