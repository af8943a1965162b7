/** The one interface every search engine under test is driven through. */
import type { Document, Passage } from '../../types.js';

/** What an engine indexes: documents (for Griot's own pipeline) and their passages (for the peers). */
export interface BenchInput {
  readonly documents: readonly Document[];
  readonly passages: readonly Passage[];
}

/**
 * A search engine behind the smallest surface the bench needs. Stateful: `build` or `load` replaces
 * the current index, `release` drops it so its memory can be reclaimed before the next engine runs.
 */
export interface EngineAdapter {
  readonly name: string;
  /** The options used, one line, for the report. */
  readonly description: string;
  /** Beyond this many passages the engine is not run (its build would take the bench's time budget). */
  readonly maxPassages?: number;
  build(input: BenchInput): void;
  /** Passage ids of the best `k` passages, best first. */
  search(query: string, k: number): string[];
  /** The index serialised as it would be persisted (JSON text, or bytes for Griot's sectioned file). */
  save?(): string | Uint8Array;
  /** Replaces the index with one parsed from what its own `save()` returned (JSON.parse included). */
  load?(data: string | Uint8Array): void;
  release(): void;
}

/** The document id of a passage id (`docId#n` → `docId`). */
export function docIdOf(passageId: string): string {
  const hash = passageId.lastIndexOf('#');
  return hash < 0 ? passageId : passageId.slice(0, hash);
}
