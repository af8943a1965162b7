import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/**
 * MiniSearch's saved form with its postings as numbers instead of one JSON object per term.
 *
 * `toJSON()` holds every posting as a property of a per-term object; parsed back from JSON that is
 * about 330 MB of heap at 126,000 passages, all alive at once while `loadJS` turns them into its
 * maps. Saved here as three typed arrays, the postings cost no parsing, and `loadJS` is handed the
 * terms one at a time (an iterable made from the arrays), so each term's object dies as soon as
 * MiniSearch has read it.
 */
export interface PackedMiniSearch {
  /** Everything `toJSON()` gives but the postings (document ids, field lengths, counts). */
  readonly rest: Omit<AsPlainObject, 'index'>;
  /** The one field indexed (its id in `rest.fieldIds`). */
  readonly fieldId: number;
  /** Index terms not in the term order given to {@link packMiniSearch}, in the order their postings follow. */
  readonly extraTerms: readonly string[];
  /** Postings a term, in the order `terms` then `extraTerms`; 0 for a term MiniSearch does not hold. */
  readonly counts: Uint32Array;
  /** Short document ids and term frequencies, term after term. */
  readonly ids: Uint32Array;
  readonly tfs: Uint32Array;
}

/**
 * Packs a MiniSearch index of one field, its terms in the order of `terms` (e.g. the vocabulary's,
 * which then need not be saved twice). Throws on an index of several fields.
 */
export function packMiniSearch(ms: MiniSearch, terms: readonly string[]): PackedMiniSearch {
  const { index, ...rest } = ms.toJSON();
  const fieldIds = Object.values(rest.fieldIds);
  if (fieldIds.length !== 1) throw new Error(`packMiniSearch: ${fieldIds.length} fields, one expected`);
  const fieldId = fieldIds[0] as number;
  const byTerm = new Map(index);
  const known = new Set(terms);
  const extraTerms = [...byTerm.keys()].filter((t) => !known.has(t));
  const order = [...terms, ...extraTerms];
  const counts = new Uint32Array(order.length);
  let total = 0;
  for (const [, data] of index) total += Object.keys(data[fieldId] ?? {}).length;
  const ids = new Uint32Array(total);
  const tfs = new Uint32Array(total);
  let at = 0;
  order.forEach((term, t) => {
    const data = byTerm.get(term);
    if (!data) return;
    const fields = Object.keys(data);
    if (fields.length !== 1 || Number(fields[0]) !== fieldId) throw new Error(`packMiniSearch: term ${term} has postings in other fields`);
    const postings = data[fieldId] as Record<string, number>;
    const from = at;
    for (const id of Object.keys(postings)) {
      ids[at] = Number(id);
      tfs[at] = postings[id] as number;
      at++;
    }
    counts[t] = at - from;
  });
  return { rest, fieldId, extraTerms, counts, ids, tfs };
}

/**
 * MiniSearch back from its packed form with `loadJS`. The terms are handed over one at a time; should
 * a MiniSearch version stop reading `index` by iteration (the terms it then holds are counted), they
 * are handed over as the array `loadJS` is typed for. Throws when the parts do not fit together.
 */
export function unpackMiniSearch(packed: PackedMiniSearch, terms: readonly string[], options: Options): MiniSearch {
  const order = packed.extraTerms.length > 0 ? [...terms, ...packed.extraTerms] : terms;
  if (packed.counts.length !== order.length) throw new Error(`postings for ${packed.counts.length} terms, ${order.length} terms`);
  let total = 0;
  let held = 0;
  for (const n of packed.counts) {
    total += n;
    if (n > 0) held++;
  }
  if (total !== packed.ids.length || total !== packed.tfs.length) throw new Error('postings arrays of different lengths');
  const entries = function* (): Generator<[string, Record<string, Record<string, number>>]> {
    let at = 0;
    for (let t = 0; t < order.length; t++) {
      const n = packed.counts[t] as number;
      if (n === 0) continue;
      const postings: Record<string, number> = {};
      for (const end = at + n; at < end; at++) postings[packed.ids[at] as number] = packed.tfs[at] as number;
      yield [order[t] as string, { [packed.fieldId]: postings }];
    }
  };
  const load = (index: AsPlainObject['index']) => MiniSearch.loadJS({ ...packed.rest, index }, options);
  try {
    const ms = load(entries() as unknown as AsPlainObject['index']);
    if (ms.termCount === held) return ms;
  } catch {
    // Not read by iteration: the array below.
  }
  return load([...entries()]);
}
