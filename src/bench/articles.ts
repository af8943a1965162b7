/** Reading a news corpus in the OrangeSum JSONL layout, streamed from a .jsonl.gz file. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** One article as the bench needs it (the OrangeSum record, trimmed). */
export interface Article {
  readonly id: string;
  /** YYYY-MM-DD, when known. */
  readonly date?: string;
  /** The headline, when the record has one. */
  readonly title?: string;
  readonly text: string;
}

/** One JSON line → an Article, or null when it lacks an id or text. Pure. */
export function parseArticleLine(line: string): Article | null {
  if (line.trim() === '') return null;
  const json = JSON.parse(line) as { id?: unknown; date?: unknown; title?: unknown; text?: unknown };
  if (typeof json.id !== 'string' || typeof json.text !== 'string' || json.text.trim() === '') return null;
  const date = typeof json.date === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(json.date) ? json.date : undefined;
  const title = typeof json.title === 'string' && json.title.trim() !== '' ? { title: json.title.trim() } : {};
  return date ? { id: json.id, date, ...title, text: json.text } : { id: json.id, ...title, text: json.text };
}

/**
 * Articles of a gzipped JSONL file (`{"id", "date", "text", …}` a line), in file order, decompressed
 * and parsed as they stream in so the whole file never sits in memory. Stop iterating to stop reading.
 * A malformed line throws with its line number.
 */
export async function* readJsonlGzArticles(path: string): AsyncGenerator<Article> {
  const input = createReadStream(path);
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      let article: Article | null;
      try {
        article = parseArticleLine(line);
      } catch (err) {
        throw new Error(`${path}, line ${n}: not valid JSON (${(err as Error).message}); expected one article object a line`);
      }
      if (article) yield article;
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
