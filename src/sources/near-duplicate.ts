/**
 * Near-duplicate detection: the same story republished with small changes (another lead, a byline,
 * an agency footer, a few edited words) is recognised by MinHash over word shingles of the normalised
 * text, and found among many documents through LSH banding (only documents sharing a whole band of
 * the signature are compared). Pure, no I/O: a fingerprint can be kept beside its document and the
 * index rebuilt from the kept fingerprints.
 *
 * The threshold and the shingle size were measured with `npm run bench:dedupe` on pairs built from a
 * French news corpus (see README, "Duplicates").
 */

/** Words per shingle. Three keeps a changed word from hiding more than three shingles, yet rarely matches across stories. */
export const SHINGLE_WORDS = 3;
/** Hash functions of a signature (its length). */
export const SIGNATURE_SIZE = 128;
/**
 * LSH banding: 32 bands of 2 signature hashes (the first 64 of the 128). Two texts share a band with
 * probability 1 − (1 − J²)^32: above 99 % at J = 0.4, 95 % at J = 0.3, about 1 % for unrelated texts
 * (J ≈ 0.02), so a lookup among 30,000 documents compares a few hundred signatures. More bands find
 * slightly more but cost memory (each band holds a key per document).
 */
export const ROWS = 2;
export const BANDS = 32;
/**
 * Estimated Jaccard similarity of the shingle sets at and above which two texts are one story.
 * Measured (bench:dedupe): republished copies score well above it, different articles of one topic
 * and day well below it.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.4;
/** Texts with fewer shingles than this are never called near-duplicates: too little to tell. */
export const MIN_SHINGLES = 20;

/** A text's MinHash signature. */
export interface Fingerprint {
  /** SIGNATURE_SIZE minimum hashes; all 0xffffffff when the text has no words. */
  readonly signature: Uint32Array;
  /** Distinct shingles the text has (small counts make the estimate unreliable). */
  readonly shingles: number;
}

/** A near-duplicate found in the index. */
export interface NearDuplicateMatch<Id> {
  readonly id: Id;
  /** Estimated Jaccard similarity of the two texts' shingles, 0..1. */
  readonly similarity: number;
}

/**
 * The words of a text as dedupe compares them: lower case, accents folded, typographic apostrophes
 * and quotes gone, numbers kept; everything else is a separator (so "domestique.Consternant" is two words).
 */
export function dedupeWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One seed per hash function, fixed so fingerprints kept on disk stay comparable. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = fmix32(x + 0x6d2b79f5 + i);
    seeds[i] = x;
  }
  return seeds;
})();

/** Distinct hashed shingles of a text's words (each word hashed once, a shingle's hash mixed from its words'). */
function shingleHashes(words: readonly string[], size: number): Set<number> {
  const hashes = new Set<number>();
  const wordHashes = words.map(fnv1a);
  const count = Math.max(1, wordHashes.length - size + 1);
  if (wordHashes.length === 0) return hashes;
  for (let i = 0; i < count; i++) {
    let h = 0;
    for (let j = i; j < Math.min(i + size, wordHashes.length); j++) h = fmix32((h ^ wordHashes[j]!) + j - i);
    hashes.add(h);
  }
  return hashes;
}

/** The MinHash fingerprint of a text (its normalised word shingles). Pure. */
export function fingerprint(text: string, shingleWords: number = SHINGLE_WORDS): Fingerprint {
  const shingles = shingleHashes(dedupeWords(text), shingleWords);
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = fmix32(shingle ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return { signature, shingles: shingles.size };
}

/** Estimated Jaccard similarity of two fingerprints' shingle sets (the share of equal minimums), 0..1. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.shingles === 0 || b.shingles === 0) return 0;
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a.signature[i] === b.signature[i]) equal++;
  return equal / SIGNATURE_SIZE;
}

/** A fingerprint as bytes, to keep beside its document (little-endian, shingle count first). */
export function encodeFingerprint(fp: Fingerprint): Uint8Array {
  const out = new Uint32Array(SIGNATURE_SIZE + 1);
  out[0] = fp.shingles;
  out.set(fp.signature, 1);
  return new Uint8Array(out.buffer);
}

/** A fingerprint back from encodeFingerprint's bytes; null when they are not one (another signature size). */
export function decodeFingerprint(bytes: Uint8Array): Fingerprint | null {
  if (bytes.byteLength !== (SIGNATURE_SIZE + 1) * 4) return null;
  const copy = new Uint32Array(SIGNATURE_SIZE + 1);
  new Uint8Array(copy.buffer).set(bytes);
  return { shingles: copy[0]!, signature: copy.subarray(1) };
}

/** The key of one band of a signature (its `rows` hashes, hashed together). */
function bandKey(signature: Uint32Array, band: number, rows: number): number {
  let h = band;
  for (let r = band * rows; r < (band + 1) * rows; r++) h = fmix32(h ^ signature[r]!) + r;
  return h >>> 0;
}

/** How an index files and judges fingerprints. */
export interface NearDuplicateIndexOptions {
  /** Similarity at and above which a document is a near-duplicate (default NEAR_DUPLICATE_THRESHOLD). */
  readonly threshold?: number;
  /** Signature hashes per LSH band (default ROWS); fewer rows find more candidates, each compared. */
  readonly rows?: number;
  /** LSH bands (default BANDS); rows × bands must not exceed SIGNATURE_SIZE. */
  readonly bands?: number;
}

/**
 * Finds, among the documents added, the one a new text nearly duplicates, without comparing it to
 * all of them: each document is filed under its band keys, and only documents sharing one are
 * compared. Ids are compared with ===.
 */
export class NearDuplicateIndex<Id> {
  readonly #threshold: number;
  readonly #rows: number;
  /** Per band: band key → the slot (or slots) of the documents filed under it. */
  readonly #bands: Map<number, number | number[]>[];
  readonly #slotOf = new Map<Id, number>();
  readonly #ids: (Id | undefined)[] = [];
  readonly #fingerprints: (Fingerprint | undefined)[] = [];
  readonly #free: number[] = [];

  constructor(options: NearDuplicateIndexOptions = {}) {
    this.#threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
    this.#rows = options.rows ?? ROWS;
    const bands = options.bands ?? BANDS;
    if (!Number.isInteger(this.#rows) || !Number.isInteger(bands) || this.#rows < 1 || bands < 1 || this.#rows * bands > SIGNATURE_SIZE) {
      throw new Error(`rows × bands must be at most the signature size ${SIGNATURE_SIZE}; got ${this.#rows} × ${bands}`);
    }
    this.#bands = Array.from({ length: bands }, () => new Map());
  }

  /** Documents in the index. */
  get size(): number {
    return this.#slotOf.size;
  }

  has(id: Id): boolean {
    return this.#slotOf.has(id);
  }

  /** Files a document's fingerprint (replacing the one it had). A text too short to judge is kept out. */
  add(id: Id, fp: Fingerprint): void {
    this.remove(id);
    if (fp.shingles < MIN_SHINGLES) return;
    const slot = this.#free.pop() ?? this.#ids.length;
    this.#ids[slot] = id;
    this.#fingerprints[slot] = fp;
    this.#slotOf.set(id, slot);
    this.#bands.forEach((band, b) => {
      const key = bandKey(fp.signature, b, this.#rows);
      const filed = band.get(key);
      if (filed === undefined) band.set(key, slot);
      else if (typeof filed === 'number') band.set(key, [filed, slot]);
      else filed.push(slot);
    });
  }

  /** Takes a document out. */
  remove(id: Id): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    const fp = this.#fingerprints[slot]!;
    this.#bands.forEach((band, b) => {
      const key = bandKey(fp.signature, b, this.#rows);
      const filed = band.get(key);
      if (filed === slot) band.delete(key);
      else if (Array.isArray(filed)) {
        const rest = filed.filter((s) => s !== slot);
        band.set(key, rest.length === 1 ? rest[0]! : rest);
      }
    });
    this.#slotOf.delete(id);
    this.#ids[slot] = undefined;
    this.#fingerprints[slot] = undefined;
    this.#free.push(slot);
  }

  /** Every document at or above the threshold, most similar first (`except` left out). */
  findAll(fp: Fingerprint, except?: Id): NearDuplicateMatch<Id>[] {
    if (fp.shingles < MIN_SHINGLES) return [];
    const seen = new Set<number>();
    const matches: NearDuplicateMatch<Id>[] = [];
    const consider = (slot: number) => {
      if (seen.has(slot)) return;
      seen.add(slot);
      const id = this.#ids[slot] as Id;
      if (id === except) return;
      const s = similarity(fp, this.#fingerprints[slot]!);
      if (s >= this.#threshold) matches.push({ id, similarity: s });
    };
    this.#bands.forEach((band, b) => {
      const filed = band.get(bandKey(fp.signature, b, this.#rows));
      if (typeof filed === 'number') consider(filed);
      else filed?.forEach(consider);
    });
    return matches.sort((x, y) => y.similarity - x.similarity);
  }

  /** The most similar document at or above the threshold, or null. */
  find(fp: Fingerprint, except?: Id): NearDuplicateMatch<Id> | null {
    return this.findAll(fp, except)[0] ?? null;
  }
}
