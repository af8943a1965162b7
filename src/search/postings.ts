import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/**
 * MiniSearch's saved form, its postings loaded term by term when a search first needs them.
 *
 * `loadJS` turns every term's postings into MiniSearch's maps before the first search: at 126,000
 * passages (4.8 million postings) that was about 2.5 s of CPU and most of a warm start's garbage,
 * for the few dozen terms a question looks up. Here each term's postings are their own JSON object
 * in one buffer, found by the term's byte offsets, and MiniSearch is loaded with its document counts
 * and lengths but no terms; a search first hands MiniSearch the postings of the terms it asks for
 * (exact terms only: see rank.ts). Anything else — a change (add, remove) or a save of a changed
 * index — first loads every remaining term, so MiniSearch is whole before it is changed.
 */
export interface PackedMiniSearch {
  /** Everything `toJSON()` gives but the postings (document ids, field lengths, counts). */
  readonly rest: Omit<AsPlainObject, 'index'>;
  /** The index terms, in the order of their postings. */
  readonly terms: readonly string[];
  /** Each term's postings (`toJSON().index`'s entry data: field id → passage short id → count), JSON, back to back (UTF-8). */
  readonly postings: Buffer;
  /** Where each term's postings start in `postings`, and where the last ends (terms + 1 offsets). */
  readonly postingStart: Uint32Array;
}

type TermData = AsPlainObject['index'][number][1];
type FieldMaps = Map<number, Map<number, number>>;

/** MiniSearch's term map, reached for loading a term's postings (see termMapOf). */
interface TermMap {
  get(term: string): unknown;
  set(term: string, data: FieldMaps): unknown;
  has(term: string): boolean;
  readonly size: number;
}

/** Packs a MiniSearch index for saving. */
export function packMiniSearch(ms: MiniSearch): PackedMiniSearch {
  const { index, ...rest } = ms.toJSON();
  const terms: string[] = [];
  const parts: Buffer[] = [];
  const postingStart = new Uint32Array(index.length + 1);
  let at = 0;
  index.forEach(([term, data], i) => {
    const bytes = Buffer.from(JSON.stringify(data), 'utf8');
    terms.push(term);
    parts.push(bytes);
    postingStart[i] = at;
    at += bytes.length;
    if (at > 0xffffffff) throw new Error('postings over 4 GB: too large to save');
  });
  postingStart[index.length] = at;
  return { rest, terms, postings: Buffer.concat(parts, at), postingStart };
}

/** Throws when the packed parts do not fit together. */
function check(packed: PackedMiniSearch): void {
  const { terms, postings, postingStart } = packed;
  if (!Array.isArray(terms) || postingStart.length !== terms.length + 1) throw new Error('postings: offsets do not match the terms');
  if (postingStart[0] !== 0 || postingStart[terms.length] !== postings.length) throw new Error('postings: offsets do not span the postings');
  for (let i = 0; i < terms.length; i++) {
    if ((postingStart[i + 1] as number) <= (postingStart[i] as number)) throw new Error('postings: offsets out of order');
  }
}

/** MiniSearch's own conversion of a saved term's postings (loadJS's objectToNumericMap, twice). */
function toMaps(data: TermData): FieldMaps {
  if (data === null || typeof data !== 'object') throw new Error('postings: a term is not an object');
  const fields: FieldMaps = new Map();
  for (const fieldId of Object.keys(data)) {
    const docs = new Map<number, number>();
    const counts = (data as Record<string, Record<string, number>>)[fieldId] as Record<string, number>;
    for (const id of Object.keys(counts)) docs.set(parseInt(id, 10), counts[id] as number);
    fields.set(parseInt(fieldId, 10), docs);
  }
  return fields;
}

/**
 * MiniSearch's term map (its private `_index`, a SearchableMap), or null when this MiniSearch version
 * does not hold one we recognise: then the postings are loaded whole with `loadJS`, as before.
 */
function termMapOf(ms: MiniSearch): TermMap | null {
  const map = (ms as unknown as { _index?: Partial<TermMap> })._index;
  if (!map || typeof map.get !== 'function' || typeof map.set !== 'function' || typeof map.has !== 'function') return null;
  return map.size === 0 ? (map as TermMap) : null;
}

/** A MiniSearch with its postings loaded as they are needed (see PackedMiniSearch). */
export class MiniSearchPostings {
  private constructor(
    private readonly ms: MiniSearch,
    /**
     * Until every term is loaded: the packed form, MiniSearch's term map, the number of each term not
     * loaded yet, and whether MiniSearch was changed since (then the packed form is out of date).
     */
    private lazy: { packed: PackedMiniSearch; map: TermMap; at: Map<string, number>; changed: boolean } | null,
  ) {}

  /** A MiniSearch built here, whole. */
  static of(ms: MiniSearch): MiniSearchPostings {
    return new MiniSearchPostings(ms, null);
  }

  /** MiniSearch back from its packed form, no term's postings read yet. Throws when the parts do not fit together. */
  static unpack(packed: PackedMiniSearch, options: Options): MiniSearchPostings {
    check(packed);
    const ms = MiniSearch.loadJS({ ...packed.rest, index: [] }, options);
    const map = termMapOf(ms);
    const at = new Map<string, number>();
    packed.terms.forEach((t, i) => at.set(t, i));
    if (at.size !== packed.terms.length) throw new Error('postings: a term is saved twice');
    const postings = new MiniSearchPostings(ms, { packed, map: map as TermMap, at, changed: false });
    if (!map) {
      const whole = MiniSearch.loadJS({ ...packed.rest, index: packed.terms.map((t, i) => [t, postings.data(i)]) }, options);
      return new MiniSearchPostings(whole, null);
    }
    return postings;
  }

  /** The saved postings of term number `i`, parsed. */
  private data(i: number): TermData {
    const { postings, postingStart } = (this.lazy as NonNullable<typeof this.lazy>).packed;
    return JSON.parse(postings.toString('utf8', postingStart[i], postingStart[i + 1])) as TermData;
  }

  /** True when a passage of this id is indexed (needs no postings). */
  has(id: string): boolean {
    return this.ms.has(id);
  }

  /**
   * The MiniSearch, with the postings of these terms loaded: for searching these exact terms, or
   * (see changed()) for adding or removing passages made of these terms only. A term is loaded once:
   * after that MiniSearch's own postings are the term's (a change may have emptied and dropped it).
   */
  searchable(terms: Iterable<string>): MiniSearch {
    const lazy = this.lazy;
    if (lazy) {
      for (const term of terms) {
        const i = lazy.at.get(term);
        if (i === undefined) continue;
        lazy.map.set(term, toMaps(this.data(i)));
        lazy.at.delete(term);
      }
    }
    return this.ms;
  }

  /**
   * The MiniSearch, for adding or removing passages whose terms were all loaded with searchable()
   * first (MiniSearch then touches no other term's postings); the packed form is out of date after.
   */
  changed(): MiniSearch {
    if (this.lazy) this.lazy.changed = true;
    return this.ms;
  }

  /** The MiniSearch with every term's postings. */
  whole(): MiniSearch {
    const lazy = this.lazy;
    if (lazy) {
      for (const [term, i] of lazy.at) lazy.map.set(term, toMaps(this.data(i)));
      const expected = lazy.packed.terms.length;
      if (!lazy.changed && this.ms.termCount !== expected) throw new Error(`postings of ${this.ms.termCount} terms, ${expected} expected`);
      this.lazy = null;
    }
    return this.ms;
  }

  /** The packed form: the one it was loaded from while unchanged, else packed from MiniSearch made whole. */
  pack(): PackedMiniSearch {
    return this.lazy && !this.lazy.changed ? this.lazy.packed : packMiniSearch(this.whole());
  }
}
