import { join } from 'node:path';
import { loadCorpus } from '../corpus/load.js';
import type { LoadedCorpus, SkippedFile } from '../types.js';
import type { Analyser } from './analyser.js';
import { corpusFingerprint, loadIndex, saveIndex } from './persist.js';
import { SearchIndex } from './search-index.js';

/** Bump when corpus clean-up or passage splitting changes what an index holds. */
export const PIPELINE_VERSION = 1;

export interface OpenedIndex {
  readonly index: SearchIndex;
  readonly skipped: readonly SkippedFile[];
  /** 'loaded': reused from DATA_DIR; 'built': analysed now (with why the saved one was not used). */
  readonly source: 'loaded' | 'built';
  readonly reason: string | null;
  readonly fingerprint: string;
}

/** Where the index lives under DATA_DIR. */
export function indexPath(dataDir: string): string {
  return join(dataDir, 'index.json');
}

/**
 * Reads the corpus, then loads the saved index when it was built from the same files by the same
 * analyser, or builds and saves a new one. A corrupt or stale file is rebuilt, never fatal.
 */
export async function openIndex(args: {
  corpusDir: string;
  dataDir: string;
  maxBytes: number;
  analyser: Analyser;
  onSaveError?: (err: unknown) => void;
}): Promise<OpenedIndex> {
  const corpus: LoadedCorpus = await loadCorpus(args.corpusDir, { maxBytes: args.maxBytes });
  const fingerprint = corpusFingerprint(
    corpus.documents.map((d) => ({ file: d.file, hash: d.hash })),
    PIPELINE_VERSION,
  );
  const path = indexPath(args.dataDir);
  const loaded = await loadIndex(path, fingerprint, args.analyser);
  if (loaded.index) return { index: loaded.index, skipped: corpus.skipped, source: 'loaded', reason: null, fingerprint };
  const index = SearchIndex.build(corpus.documents, args.analyser);
  try {
    await saveIndex(path, index, fingerprint);
  } catch (err) {
    // Serving matters more than caching: a read-only DATA_DIR costs a rebuild next start, nothing else.
    args.onSaveError?.(err);
  }
  return { index, skipped: corpus.skipped, source: 'built', reason: loaded.reason, fingerprint };
}
