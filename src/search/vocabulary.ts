/**
 * The index's terms by cognate key, for query expansion by exact lookups instead of query-time
 * fuzzy search: a query stem meets index terms spelled within an edit or two once nl/fr/en spelling
 * differences are neutralised (helicopter → helikopter), and the terms that start with it (Dutch
 * compounds: defensie → defensiepersoneel). One sorted array, made once per index.
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

export class Vocabulary {
  private constructor(
    /** Cognate keys, sorted; `terms[i]` is the index term of `keys[i]`. */
    private readonly keys: readonly string[],
    private readonly terms: readonly string[],
    /** The terms themselves, sorted. */
    private readonly sorted: readonly string[],
    /** The terms spelled backwards, sorted: finds a term that differs from the stem at its start. */
    private readonly reversed: readonly string[],
  ) {}

  static of(all: Iterable<string>): Vocabulary {
    const pairs: [string, string][] = [];
    for (const t of all) pairs.push([cognateKey(t), t]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const terms = pairs.map((p) => p[1]);
    return new Vocabulary(
      pairs.map((p) => p[0]),
      terms,
      [...terms].sort(),
      terms.map(reverse).sort(),
    );
  }

  get size(): number {
    return this.terms.length;
  }

  /**
   * Index terms related to `stem` (not `stem` itself), closest first, at most `max`: terms that
   * start with it (prefix), and terms within `maxEdits` edits of it among those whose cognate key
   * equals or extends its key, or — for keys of at least 7 letters — shares all but the key's last
   * two letters (militari ~ militair). The same matches MiniSearch's fuzzy and prefix search make,
   * found by a binary search in the keys instead of a walk over the whole term tree.
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
    this.scan(this.keys, head(key), (i) => consider(this.terms[i] as string));
    this.scan(this.sorted, head(stem), (i) => consider(this.sorted[i] as string));
    this.scan(this.reversed, head(reverse(stem)), (i) => consider(reverse(this.reversed[i] as string)));
    return found.sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : 1)).slice(0, max);
  }

  /** Calls `visit` with the positions of `sorted` entries that start with `probe` (at most MAX_SCAN). */
  private scan(sorted: readonly string[], probe: string, visit: (i: number) => void): void {
    for (let i = lowerBound(sorted, probe), n = 0; i < sorted.length && n < MAX_SCAN; i++, n++) {
      if (!(sorted[i] as string).startsWith(probe)) break;
      visit(i);
    }
  }
}

const reverse = (w: string): string => [...w].reverse().join('');

/** The first position of `sorted` whose entry is ≥ `probe`. */
function lowerBound(sorted: readonly string[], probe: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < probe) lo = mid + 1;
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
