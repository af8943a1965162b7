import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load.js';
import { Analyser } from '../../src/search/analyser.js';
import { SearchIndex } from '../../src/search/search-index.js';

/** The bundled corpus folder. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));
export const DEV_QUESTIONS = fileURLToPath(new URL('../fixtures/dev-questions.jsonl', import.meta.url));

let cached: Promise<SearchIndex> | undefined;

/** A search index over the seeds, built once per test file. */
export function seedIndex(): Promise<SearchIndex> {
  cached ??= loadCorpus(SEEDS_DIR).then((c) => SearchIndex.build(c.documents, new Analyser()));
  return cached;
}
