/**
 * Read access to MiniSearch's inverted index, for the ranker (rank.ts). MiniSearch has no public
 * call for a term's postings, and scoring through its search() allocates a result object per
 * posting, which at 100k passages is most of a query's time. Its internals are pinned by the
 * minisearch 7.x dependency; should they change, {@link postingsOf} says so at index time, not
 * with wrong rankings.
 */
import type MiniSearch from 'minisearch';

/** Postings of the one indexed field, by MiniSearch's short document ids. */
export interface Postings {
  /** Short id → term frequency of the passages holding `term` exactly. */
  get(term: string): ReadonlyMap<number, number> | undefined;
  /** Every index term (for the vocabulary). */
  terms(): Iterable<string>;
  /** Passages indexed. */
  readonly documentCount: number;
  /** One past the largest short id (the size of per-passage score arrays). */
  readonly idLimit: number;
  readonly averageLength: number;
  /** Terms in a passage. */
  length(shortId: number): number;
  /** The passage id behind a short id, or undefined for a removed one. */
  id(shortId: number): string | undefined;
}

interface MiniSearchInternals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined; keys(): Iterable<string> };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
}

/** The postings of `ms` (field 0). Throws when MiniSearch's internals are not the expected ones. */
export function postingsOf(ms: MiniSearch): Postings {
  const m = ms as unknown as MiniSearchInternals;
  if (
    typeof m._index?.get !== 'function' ||
    typeof m._index.keys !== 'function' ||
    !(m._documentIds instanceof Map) ||
    !(m._fieldLength instanceof Map) ||
    !Array.isArray(m._avgFieldLength)
  ) {
    throw new Error('minisearch internals changed (expected _index, _documentIds, _fieldLength): keep minisearch at 7.x');
  }
  return {
    get: (term) => m._index.get(term)?.get(0),
    terms: () => m._index.keys(),
    get documentCount() {
      return m._documentCount;
    },
    get idLimit() {
      return m._nextId;
    },
    get averageLength() {
      return m._avgFieldLength[0] ?? 1;
    },
    length: (shortId) => m._fieldLength.get(shortId)?.[0] ?? 0,
    id: (shortId) => m._documentIds.get(shortId),
  };
}
