/**
 * The index's terms by cognate key, for query expansion by exact lookups instead of query-time
 * fuzzy search: a query stem meets index terms spelled within an edit or two once nl/fr/en spelling
 * differences are neutralised (helicopter → helikopter), and the terms that start with it (Dutch
 * compounds: defensie → defensiepersoneel). Sorted arrays, made once when the index is built.
 */

/**
 * A spelling-neutral key of a folded term: ph→f, th→t, qu/ck/hard c→k, ij/y→i, doubled letters
 * single. Pure.
 */
export function cognateKey(term: string): string {
  return term
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/qu|ck/g, 'k')
    .replace(/c(?![eiyh])/g, 'k')
    .replace(/ij|y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** How an expansion relates to the query stem: it starts with the stem, or is spelled within a few edits of it. */
export type ExpansionKind = 'cognate' | 'prefix';

export interface Expansion {
  readonly term: string;
  readonly kind: ExpansionKind;
  /** Letters added (prefix) or edits (cognate). */
  readonly distance: number;
}

/** Keys looked at per probe: a short, common prefix must not make a query scan the vocabulary. */
const MAX_SCAN = 3000;

/**
 * The serialisable form of a vocabulary, saved with the index (persist.ts): everything a query needs,
 * sorted at build time, so loading sorts and computes nothing.
 */
export interface VocabularySnapshot {
  /** The index terms, sorted. */
  readonly terms: readonly string[];
  /** `df[i]`: passages holding `terms[i]`. */
  readonly df: readonly number[];
  /** Cognate keys, sorted; `terms[keyTerm[i]]` is the term of `keys[i]`. */
  readonly keys: readonly string[];
  readonly keyTerm: readonly number[];
  /** Positions in `terms`, sorted by the terms spelled backwards: finds a term that differs from the stem at its start. */
  readonly byEnd: readonly number[];
}

/**
 * The index's terms with their document frequencies, made at index time from Griot's own analysed
 * terms (not read back out of MiniSearch) and saved with the index under the same fingerprint.
 */
export class Vocabulary {
  private constructor(
    private readonly terms: readonly string[],
    private readonly df: Uint32Array,
    private readonly keys: readonly string[],
    private readonly keyTerm: Uint32Array,
    private readonly byEnd: Uint32Array,
  ) {}

  /** From passage counts by term (e.g. counted while indexing). */
  static fromCounts(counts: ReadonlyMap<string, number>): Vocabulary {
    const terms = [...counts.keys()].sort(byCodeUnits);
    const df = Uint32Array.from(terms, (t) => counts.get(t) ?? 0);
    const pairs = terms.map((t, i) => [cognateKey(t), i] as const);
    pairs.sort((a, b) => byCodeUnits(a[0], b[0]) || a[1] - b[1]);
    const ends = terms.map((t, i) => [reverse(t), i] as const);
    ends.sort((a, b) => byCodeUnits(a[0], b[0]));
    return new Vocabulary(
      terms,
      df,
      pairs.map((p) => p[0]),
      Uint32Array.from(pairs, (p) => p[1]),
      Uint32Array.from(ends, (e) => e[1]),
    );
  }

  /** Terms each counted once (tests, small corpora). */
  static of(all: Iterable<string>): Vocabulary {
    const counts = new Map<string, number>();
    for (const t of all) counts.set(t, 1);
    return Vocabulary.fromCounts(counts);
  }

  /** Restores a saved vocabulary; throws when its arrays do not fit together. */
  static restore(s: VocabularySnapshot): Vocabulary {
    const n = s?.terms?.length;
    if (
      !Array.isArray(s.terms) ||
      !Array.isArray(s.df) ||
      !Array.isArray(s.keys) ||
      !Array.isArray(s.keyTerm) ||
      !Array.isArray(s.byEnd) ||
      s.df.length !== n ||
      s.keys.length !== n ||
      s.keyTerm.length !== n ||
      s.byEnd.length !== n
    ) {
      throw new Error('vocabulary arrays missing or of different lengths');
    }
    return new Vocabulary(s.terms, Uint32Array.from(s.df), s.keys, Uint32Array.from(s.keyTerm), Uint32Array.from(s.byEnd));
  }

  /**
   * This vocabulary with document frequencies changed by `delta` (term → passages added minus
   * removed): what an incremental reindex needs, equal to {@link fromCounts} over the new counts (a
   * term whose frequency falls to 0 leaves, a new one joins) at the cost of one pass over the sorted
   * arrays instead of sorting them again. Pure; throws when a frequency would fall below 0 (the delta
   * does not come from this vocabulary's passages).
   */
  withDelta(delta: ReadonlyMap<string, number>): Vocabulary {
    const n = this.terms.length;
    const df = Uint32Array.from(this.df);
    const added: string[] = [];
    const addedDf = new Map<string, number>();
    const gone = new Uint8Array(n);
    let goneCount = 0;
    for (const [term, d] of delta) {
      if (d === 0) continue;
      const i = this.indexOf(term);
      if (i < 0) {
        if (d < 0) throw new Error(`vocabulary: cannot remove "${term}", which no passage holds`);
        added.push(term);
        addedDf.set(term, d);
        continue;
      }
      const v = (df[i] as number) + d;
      if (v < 0) throw new Error(`vocabulary: "${term}" would be held by ${v} passages`);
      df[i] = v;
      if (v === 0) {
        gone[i] = 1;
        goneCount++;
      }
    }
    // Same terms: the sorted arrays are shared, only the frequencies are new.
    if (added.length === 0 && goneCount === 0) return new Vocabulary(this.terms, df, this.keys, this.keyTerm, this.byEnd);

    added.sort(byCodeUnits);
    const size = n - goneCount + added.length;
    const terms: string[] = new Array<string>(size);
    const newDf = new Uint32Array(size);
    /** Old position → new position (-1: gone); the new terms' positions in `addedAt`. */
    const moved = new Int32Array(n).fill(-1);
    const addedAt = new Uint32Array(added.length);
    for (let i = 0, a = 0, k = 0; k < size; k++) {
      while (i < n && gone[i]) i++;
      if (a < added.length && (i >= n || (added[a] as string) < (this.terms[i] as string))) {
        terms[k] = added[a] as string;
        newDf[k] = addedDf.get(added[a] as string) as number;
        addedAt[a++] = k;
      } else {
        terms[k] = this.terms[i] as string;
        newDf[k] = df[i] as number;
        moved[i++] = k;
      }
    }

    // Cognate keys, by (key, position) as fromCounts sorts them: the old ones stay in order once moved.
    const newKeys = added.map((t, a) => [cognateKey(t), addedAt[a] as number] as const);
    newKeys.sort((x, y) => byCodeUnits(x[0], y[0]) || x[1] - y[1]);
    const keys: string[] = new Array<string>(size);
    const keyTerm = new Uint32Array(size);
    for (let i = 0, a = 0, k = 0; k < size; k++) {
      while (i < n && moved[this.keyTerm[i] as number] === -1) i++;
      const old = i < n ? ([this.keys[i] as string, moved[this.keyTerm[i] as number] as number] as const) : undefined;
      const fresh = newKeys[a];
      if (fresh && (!old || byCodeUnits(fresh[0], old[0]) < 0 || (fresh[0] === old[0] && fresh[1] < old[1]))) {
        keys[k] = fresh[0];
        keyTerm[k] = fresh[1];
        a++;
      } else if (old) {
        keys[k] = old[0];
        keyTerm[k] = old[1];
        i++;
      }
    }

    // Positions by the terms spelled backwards.
    const newEnds = Array.from(addedAt).sort((x, y) => compareBackwards(terms[x] as string, terms[y] as string));
    const byEnd = new Uint32Array(size);
    for (let i = 0, a = 0, k = 0; k < size; k++) {
      while (i < n && moved[this.byEnd[i] as number] === -1) i++;
      const old = i < n ? (moved[this.byEnd[i] as number] as number) : -1;
      const fresh = a < newEnds.length ? (newEnds[a] as number) : -1;
      if (fresh >= 0 && (old < 0 || compareBackwards(terms[fresh] as string, terms[old] as string) < 0)) {
        byEnd[k] = fresh;
        a++;
      } else {
        byEnd[k] = old;
        i++;
      }
    }
    return new Vocabulary(terms, newDf, keys, keyTerm, byEnd);
  }

  /** Position of `term` in the sorted terms, or -1. */
  private indexOf(term: string): number {
    const i = lowerBound(this.terms.length, (j) => byCodeUnits(this.terms[j] as string, term) < 0);
    return i < this.terms.length && this.terms[i] === term ? i : -1;
  }

  snapshot(): VocabularySnapshot {
    return { terms: this.terms, df: [...this.df], keys: this.keys, keyTerm: [...this.keyTerm], byEnd: [...this.byEnd] };
  }

  get size(): number {
    return this.terms.length;
  }

  /** Passages that hold `term` exactly (0 for a term the index does not know). */
  documentFrequency(term: string): number {
    const i = this.indexOf(term);
    return i < 0 ? 0 : (this.df[i] as number);
  }

  /**
   * Index terms related to `stem` (not `stem` itself), closest first, at most `max`: terms that
   * start with it (prefix), and terms within `maxEdits` edits of it among those whose cognate key
   * equals or extends its key, or — for keys of at least 7 letters — shares all but the key's last
   * two letters (militari ~ militair). The same matches MiniSearch's fuzzy and prefix search make,
   * found by binary searches in sorted arrays instead of a walk over the whole term tree.
   */
  expand(stem: string, max: number, maxEdits: number): Expansion[] {
    const key = cognateKey(stem);
    const found: Expansion[] = [];
    const seen = new Set<string>([stem]);
    const consider = (term: string) => {
      if (seen.has(term)) return;
      seen.add(term);
      if (term.startsWith(stem)) {
        found.push({ term, kind: 'prefix', distance: term.length - stem.length });
        return;
      }
      const edits = editDistance(stem, term, maxEdits);
      if (edits <= maxEdits) found.push({ term, kind: 'cognate', distance: edits });
    };
    // Candidates: the terms whose key or spelling starts like the stem's but for its last two
    // letters, or ends like it but for its first two.
    const head = (w: string) => w.slice(0, Math.max(3, w.length - 2));
    const keyProbe = head(key);
    this.scan(
      (i) => this.keys[i] as string,
      keyProbe,
      (i) => consider(this.terms[this.keyTerm[i] as number] as string),
    );
    this.scan(
      (i) => this.terms[i] as string,
      head(stem),
      (i) => consider(this.terms[i] as string),
    );
    // Backwards: the terms that end with the stem's last letters but its first two.
    const tail = reverse(head(reverse(stem)));
    const end = (i: number) => this.terms[this.byEnd[i] as number] as string;
    const from = lowerBound(this.terms.length, (j) => compareBackwards(end(j), tail) < 0);
    for (let i = from, n = 0; i < this.terms.length && n < MAX_SCAN; i++, n++) {
      const term = end(i);
      if (!term.endsWith(tail)) break;
      consider(term);
    }
    return found.sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : 1)).slice(0, max);
  }

  /** Calls `visit` with the positions of sorted entries (`at`) that start with `probe` (at most MAX_SCAN). */
  private scan(at: (i: number) => string, probe: string, visit: (i: number) => void): void {
    const n = this.terms.length;
    for (let i = lowerBound(n, (j) => byCodeUnits(at(j), probe) < 0), k = 0; i < n && k < MAX_SCAN; i++, k++) {
      if (!at(i).startsWith(probe)) break;
      visit(i);
    }
  }
}

/** Spelled backwards by UTF-16 code units (what compareBackwards compares). */
const reverse = (w: string): string => {
  let out = '';
  for (let i = w.length - 1; i >= 0; i--) out += w[i];
  return out;
};

/** `a` and `b` in code-unit order, as `<` orders strings. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** reverse(a) compared with reverse(b), without building either. */
function compareBackwards(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 1; i <= n; i++) {
    const d = a.charCodeAt(a.length - i) - b.charCodeAt(b.length - i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The first position in [0, n) where `before` is false (`before` is true, then false, along a sorted array). */
function lowerBound(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`. Pure. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}
