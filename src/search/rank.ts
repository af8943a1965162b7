/**
 * Ranking through MiniSearch's public search(): every query term is an exact index term (its
 * expansions were found in the Vocabulary beforehand), weighted with `boostTerm`, so MiniSearch does
 * no fuzzy or prefix walk. MiniSearch scores with BM25+ and multiplies a passage's score by the
 * distinct terms it matched; here a passage's score is multiplied by the query *words* (groups) it
 * matched instead, so a word's expansions do not count as further words.
 *
 * Most of a query's time is MiniSearch scoring postings (an object per passage and term), so the
 * postings scored in full are bounded: the rarest terms, up to `candidatePostings` postings in all,
 * find the candidates; every other term is asked in a second search whose `boostDocument` keeps only
 * those candidates. Its postings are still walked by MiniSearch (one callback each, which its public
 * API cannot avoid) but scored and allocated only on the candidates. A passage no rare term holds is
 * thus never ranked — with BM25 such a passage could only win on common words. Should the rarest terms
 * find fewer passages than asked for, the next rarest are scored in full too.
 */
import type { MiniSearchPostings } from './postings.js';
import type { SearchResult } from 'minisearch';

/** One index term to score, for one query word. */
export interface WeightedTerm {
  readonly term: string;
  /** Multiplies its BM25 score (the word's boost, times an expansion's weight). */
  readonly weight: number;
}

/**
 * A query variant (a question word stemmed in one language) and the index terms it matches
 * (itself and its expansions). A passage's score is multiplied by the groups it matches.
 */
export interface RankGroup {
  readonly terms: readonly WeightedTerm[];
  /** The question word it stands for (an index into `RankOptions.words`, required with it). */
  readonly word?: number;
}

export interface RankOptions {
  /** Passages returned (the best, by score). */
  readonly limit: number;
  /**
   * Postings the rarest terms may spend finding candidates (the rarest term is always asked in full);
   * the other terms are scored only on those candidates.
   */
  readonly candidatePostings: number;
  /**
   * Postings the other terms may make MiniSearch walk, rarest first: the most common words past it
   * are left out (they would reorder the candidates a little, at the cost of a walk over most of the index).
   */
  readonly walkPostings: number;
  /** Passages holding an index term exactly (the Vocabulary's): terms the index lacks are not asked. */
  readonly documentFrequency: (term: string) => number;
  /** Multiplies a passage's score (e.g. a date boost); 0 drops it. */
  readonly boost?: ((id: string) => number) | undefined;
  /**
   * The most `boost` can multiply by: a passage that cannot reach the best `limit` even so is
   * neither boosted nor filtered (both read passage metadata). Without it every passage is.
   */
  readonly boostCeiling?: number | undefined;
  /** Keeps a passage when true. */
  readonly filter?: ((id: string) => boolean) | undefined;
  /**
   * Weight (IDF) of each question word, indexed by `RankGroup.word`: a passage's score is multiplied
   * by the weighted share of the words it matches (times their number), not by a count of them.
   * Absent: every group is a word of weight 1.
   */
  readonly words?: readonly number[] | undefined;
}

/** Counters of one ranking, for tests that prove the common words were scored on candidates only. */
export interface RankStats {
  /** Postings MiniSearch went through (each term's document frequency, summed). */
  postingsWalked: number;
  /** Postings scored: every posting of a term asked in full, the candidates' postings of the others. */
  postingsScored: number;
  /** Calls of MiniSearch's search. */
  searches: number;
}

/** Search options of every query: the query is a list of index terms separated by spaces. */
const splitTerms = (s: string) => s.split(' ');

/** The best passages for the query words: [passage id, score], best first. */
export function rank(
  ms: Pick<MiniSearchPostings, 'searchable'>,
  groups: readonly RankGroup[],
  options: RankOptions,
  stats?: RankStats,
): { id: string; score: number }[] {
  // Each distinct index term once, its weights summed (two words may share a stem), with the groups it
  // stands for (read only without word weights: then `wordCredits` says what a term stands for).
  const weights = new Map<string, number>();
  const groupsOf = new Map<string, number[]>();
  groups.forEach((g, gi) => {
    for (const t of g.terms) {
      weights.set(t.term, (weights.get(t.term) ?? 0) + t.weight);
      if (options.words) continue;
      const list = groupsOf.get(t.term);
      if (!list) groupsOf.set(t.term, [gi]);
      else if (list.at(-1) !== gi) list.push(gi);
    }
  });
  const terms: { term: string; df: number }[] = [];
  for (const term of weights.keys()) {
    const df = options.documentFrequency(term);
    if (df > 0) terms.push({ term, df });
    if (stats) stats.postingsWalked += df;
  }
  terms.sort((a, b) => a.df - b.df);

  const found = new Map<string, Found>();
  // A result's score is its BM25 sum times the terms it matched: undone here, the groups counted later.
  const collect = (r: SearchResult) => {
    const sum = r.score / Math.max(1, r.queryTerms.length);
    const f = found.get(r.id as string);
    if (f) {
      f.sum += sum;
      f.terms.push(...r.queryTerms);
    } else {
      found.set(r.id as string, { sum, terms: r.queryTerms });
    }
    // Collected here, so MiniSearch neither keeps nor sorts the list: the best `limit` are picked below.
    return false;
  };
  const boostTerm = (term: string) => weights.get(term) ?? 0;
  const inFull = (batch: readonly { term: string; df: number }[]) => {
    const words = batch.map((t) => t.term);
    ms.searchable(words).search(words.join(' '), { tokenize: splitTerms, boostTerm, filter: collect });
    if (stats) {
      stats.searches++;
      for (const t of batch) stats.postingsScored += t.df;
    }
  };

  let next = 0;
  let spent = 0;
  while (next < terms.length && (next === 0 || spent + (terms[next] as { df: number }).df <= options.candidatePostings)) {
    spent += (terms[next] as { df: number }).df;
    next++;
  }
  if (next > 0) inFull(terms.slice(0, next));
  // Too few candidates for the head of the ranking: the next rarest terms widen them, one at a time.
  while (next < terms.length && found.size < options.limit) inFull(terms.slice(next, ++next));
  let rest = terms.slice(next);
  // The candidates are the passages found so far: the second search scores no others, so `found`
  // keeps its keys while it runs and serves as the set.
  const candidates = found.size > 0 ? found : null;
  if (candidates) {
    let walk = 0;
    let keep = 0;
    while (keep < rest.length && walk + (rest[keep] as { df: number }).df <= options.walkPostings) walk += (rest[keep++] as { df: number }).df;
    if (stats) for (const t of rest.slice(keep)) stats.postingsWalked -= t.df;
    rest = rest.slice(0, keep);
  }
  if (rest.length > 0) {
    let scored = 0;
    const boostDocument = candidates
      ? (id: unknown) => {
          if (!candidates.has(id as string)) return 0;
          scored++;
          return 1;
        }
      : undefined;
    const words = rest.map((t) => t.term);
    ms.searchable(words).search(words.join(' '), { tokenize: splitTerms, boostTerm, boostDocument, filter: collect });
    if (stats) {
      stats.searches++;
      stats.postingsScored += candidates ? scored : rest.reduce((n, t) => n + t.df, 0);
    }
  }

  const best = new TopK(options.limit);
  const ceiling = options.boost ? (options.boostCeiling ?? Infinity) : 1;
  // Coordination by question word, weighted by IDF: a passage holding "Takuba" and "force" outranks
  // one holding "force" and "devoir" (a translation of "task"), though each matches two words. A word
  // matched only through an expansion (a cognate or a longer word) counts for that expansion's share.
  const words = options.words;
  const credits = words ? wordCredits(groups) : undefined;
  const scale = words ? words.length / Math.max(1e-9, words.reduce((a, b) => a + b, 0)) : 1;
  const slots = words ? words.length : groups.length;
  const seen = new Int32Array(slots).fill(-1);
  const credit = new Float64Array(slots);
  const touched: number[] = [];
  let stamp = 0;
  for (const [id, f] of found) {
    stamp++;
    touched.length = 0;
    for (const term of f.terms) {
      if (credits) {
        const list = credits.get(term);
        if (!list) continue;
        for (let k = 0; k < list.length; k += 2) {
          const w = list[k] as number;
          const c = list[k + 1] as number;
          if (seen[w] !== stamp) {
            seen[w] = stamp;
            credit[w] = c;
            touched.push(w);
          } else if (c > (credit[w] as number)) credit[w] = c;
        }
      } else {
        // Query words matched: each group once, however many of its terms the passage holds.
        for (const g of groupsOf.get(term) ?? []) {
          if (seen[g] !== stamp) {
            seen[g] = stamp;
            credit[g] = 1;
            touched.push(g);
          }
        }
      }
    }
    let matched = 0;
    for (const w of touched) matched += (credit[w] as number) * (words ? (words[w] as number) : 1);
    // A word matched through several of its variants (soldaten, strijdmacht, militairen for "soldiers")
    // adds each one's BM25 to the sum: counted as one, the sum is scaled to the words it stands for.
    // Every searched term stands for some word and is asked in one search only: f.terms are distinct.
    const sum = credits ? (f.sum * touched.length) / Math.max(touched.length, f.terms.length) : f.sum;
    let s = sum * matched * scale;
    if (s * ceiling <= best.floor) continue;
    if (options.filter && !options.filter(id)) continue;
    if (options.boost) s *= options.boost(id);
    if (s > 0) best.offer(id, s);
  }
  return best.sorted();
}

/**
 * For each index term, the question words it stands for and how fully it matches each (1 for a
 * variant itself, an expansion's share of its variant's weight for a cognate or a longer word).
 */
function wordCredits(groups: readonly RankGroup[]): Map<string, number[]> {
  // Flat pairs [word, credit, word, credit…]: read once for every posting found, so no objects.
  const out = new Map<string, number[]>();
  groups.forEach((g, gi) => {
    const word = g.word ?? gi;
    const base = g.terms[0]?.weight ?? 1;
    for (const t of g.terms) {
      const c = base > 0 ? Math.min(1, t.weight / base) : 1;
      const list = out.get(t.term);
      if (!list) {
        out.set(t.term, [word, c]);
        continue;
      }
      let k = 0;
      while (k < list.length && list[k] !== word) k += 2;
      if (k === list.length) list.push(word, c);
      else list[k + 1] = Math.max(list[k + 1] as number, c);
    }
  });
  return out;
}

/** A passage found so far: its summed term scores and the index terms it matched. */
interface Found {
  sum: number;
  terms: string[];
}

/** The `k` highest scores seen, in a min-heap. */
class TopK {
  private readonly heap: { id: string; score: number }[] = [];
  constructor(private readonly k: number) {}

  /** A score must exceed this to be kept: the lowest kept once `k` are, else -Infinity. */
  get floor(): number {
    if (this.k === 0) return Infinity;
    return this.heap.length >= this.k ? (this.heap[0] as { score: number }).score : -Infinity;
  }

  offer(id: string, score: number): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push({ id, score });
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((h[parent] as { score: number }).score <= score) break;
        [h[i], h[parent]] = [h[parent] as { id: string; score: number }, h[i] as { id: string; score: number }];
        i = parent;
      }
      return;
    }
    if (this.k === 0 || score <= (h[0] as { score: number }).score) return;
    h[0] = { id, score };
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && (h[l] as { score: number }).score < (h[m] as { score: number }).score) m = l;
      if (r < h.length && (h[r] as { score: number }).score < (h[m] as { score: number }).score) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m] as { id: string; score: number }, h[i] as { id: string; score: number }];
      i = m;
    }
  }

  sorted(): { id: string; score: number }[] {
    return [...this.heap].sort((a, b) => b.score - a.score);
  }
}
