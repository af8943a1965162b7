import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/**
 * MiniSearch's saved form with its postings in batches.
 *
 * `toJSON()` holds every term's postings as an object; parsed back all at once that is about 330 MB
 * of heap at 126,000 passages, alive together while `loadJS` turns them into its own maps. Here the
 * postings are JSON lines of a few hundred kilobytes each, and `loadJS` is handed the terms one at a
 * time (an iterable that parses a line when it reaches it), so each batch dies as soon as MiniSearch
 * has read it. JSON stays the format of the postings because `JSON.parse` makes MiniSearch's
 * per-term objects faster than any code building them from numbers (measured: 0.9 s against 1.8 s
 * at 4.8 million postings).
 */
export interface PackedMiniSearch {
  /** Everything `toJSON()` gives but the postings (document ids, field lengths, counts). */
  readonly rest: Omit<AsPlainObject, 'index'>;
  /** How many terms the postings hold. */
  readonly terms: number;
  /** `toJSON().index`'s entries, as JSON arrays of a batch of entries each, one a line (UTF-8). */
  readonly postings: Buffer;
}

/** Bytes of JSON a line holds, about: small enough to be garbage soon, large enough to parse fast. */
const LINE_BYTES = 256 * 1024;

type Entry = AsPlainObject['index'][number];

/** Packs a MiniSearch index for saving. */
export function packMiniSearch(ms: MiniSearch): PackedMiniSearch {
  const { index, ...rest } = ms.toJSON();
  const lines: Buffer[] = [];
  let batch: string[] = [];
  let size = 0;
  const flush = () => {
    lines.push(Buffer.from(`[${batch.join(',')}]\n`, 'utf8'));
    batch = [];
    size = 0;
  };
  for (const entry of index) {
    const json = JSON.stringify(entry);
    batch.push(json);
    size += json.length;
    if (size >= LINE_BYTES) flush();
  }
  if (batch.length > 0) flush();
  return { rest, terms: index.length, postings: Buffer.concat(lines) };
}

/** The entries of packed postings, parsed a line at a time. */
function* entries(postings: Buffer): Generator<Entry> {
  for (let at = 0; at < postings.length; ) {
    let end = postings.indexOf(10, at);
    if (end < 0) end = postings.length;
    const batch = JSON.parse(postings.toString('utf8', at, end)) as Entry[];
    if (!Array.isArray(batch)) throw new Error('postings line is not a list');
    yield* batch;
    at = end + 1;
  }
}

/**
 * MiniSearch back from its packed form with `loadJS`. The terms are handed over one at a time; should
 * a MiniSearch version stop reading `index` by iteration (the terms it then holds are counted), they
 * are handed over as the array `loadJS` is typed for. Throws when the parts do not fit together.
 */
export function unpackMiniSearch(packed: PackedMiniSearch, options: Options): MiniSearch {
  const load = (index: AsPlainObject['index']) => MiniSearch.loadJS({ ...packed.rest, index }, options);
  try {
    const ms = load(entries(packed.postings) as unknown as AsPlainObject['index']);
    if (ms.termCount === packed.terms) return ms;
  } catch {
    // Not read by iteration (or damaged): the array below, which throws if damaged.
  }
  const all = [...entries(packed.postings)];
  const ms = load(all);
  if (ms.termCount !== packed.terms) throw new Error(`postings of ${ms.termCount} terms, ${packed.terms} expected`);
  return ms;
}
