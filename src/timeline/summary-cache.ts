/**
 * A summary cache in one JSON file (under DATA_DIR): loaded on first use, written atomically (temp file
 * + rename) on flush, so a crash never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../types.js';
import type { SummaryCache } from './summaries.js';

interface CacheFile {
  readonly version: 1;
  /** `lang:eventId` → summary. */
  readonly summaries: Record<string, string>;
}

const key = (id: string, lang: Lang): string => `${lang}:${id}`;

async function load(file: string): Promise<Map<string, string>> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new Error(`Cannot read the summary cache ${file} (${(err as Error).message}); check its permissions`, {
      cause: err,
    });
  }
  try {
    const parsed = JSON.parse(raw) as Partial<CacheFile>;
    const entries = Object.entries(parsed.summaries ?? {}).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    );
    return new Map(entries);
  } catch {
    // A corrupt cache only costs re-summarising: start empty, the next flush replaces it.
    return new Map();
  }
}

/** A {@link SummaryCache} kept in `file` (created with its directory on the first flush). */
export function createFileSummaryCache(file: string): SummaryCache & { flush(): Promise<void> } {
  let entries: Promise<Map<string, string>> | undefined;
  let dirty = false;
  const loaded = () => (entries ??= load(file));
  return {
    async get(id, lang) {
      return (await loaded()).get(key(id, lang));
    },
    async set(id, lang, summary) {
      (await loaded()).set(key(id, lang), summary);
      dirty = true;
    },
    async flush() {
      if (!dirty) return;
      const map = await loaded();
      const content: CacheFile = { version: 1, summaries: Object.fromEntries(map) };
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await writeFile(tmp, `${JSON.stringify(content, null, 1)}\n`, 'utf8');
        await rename(tmp, file);
        dirty = false;
      } catch (err) {
        await rm(tmp, { force: true });
        throw new Error(`Cannot write the summary cache ${file} (${(err as Error).message}); check DATA_DIR`, {
          cause: err,
        });
      }
    },
  };
}
