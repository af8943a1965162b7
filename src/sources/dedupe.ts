/**
 * Is this article already in the corpus? The same address (by canonical key: tracking parameters,
 * AMP, http/https, www and a trailing slash do not count), the same text (content hash), or the same
 * story republished with small changes (near-duplicate fingerprint). Follows the document store by
 * its revision; fingerprints are kept in the store so a restart does not recompute them.
 */
import type { DocumentStore, FeedStore, StoredFingerprint } from '../store/index.js';
import { contentHash } from '../store/index.js';
import {
  decodeFingerprint,
  encodeFingerprint,
  fingerprint,
  NearDuplicateIndex,
  type Fingerprint,
} from './near-duplicate.js';
import { canonicalKey } from './url.js';

/** How an article was found to be a copy. */
export type DuplicateKind = 'url' | 'text' | 'near';

export interface Duplicate {
  readonly docId: string;
  readonly kind: DuplicateKind;
  /** Estimated similarity, for a near-duplicate. */
  readonly similarity?: number;
}

/** Documents read at once when fingerprints must be computed. */
const BATCH = 500;

export class CorpusDeduper {
  readonly #documents: DocumentStore;
  readonly #fingerprints: Pick<FeedStore, 'fingerprints' | 'putFingerprints'>;
  #index = new NearDuplicateIndex<string>();
  /** Canonical key of every address (own and other) → document id. */
  #byKey = new Map<string, string>();
  #byHash = new Map<string, string>();
  /** Every address stored as it is written (own and other addresses). */
  #exact = new Set<string>();
  /** Content hash each document is filed under. */
  #filed = new Map<string, string>();
  #revision = -1;
  #kept: Map<string, StoredFingerprint> | null = null;

  constructor(documents: DocumentStore, fingerprints: Pick<FeedStore, 'fingerprints' | 'putFingerprints'>) {
    this.#documents = documents;
    this.#fingerprints = fingerprints;
  }

  /** Catches up with the store (nothing to do when its revision has not moved). */
  async sync(): Promise<void> {
    const revision = await this.#documents.revision();
    if (revision === this.#revision) return;
    const metas = await this.#documents.list();
    this.#kept ??= new Map((await this.#fingerprints.fingerprints()).map((f) => [f.docId, f]));
    const present = new Set<string>();
    const byKey = new Map<string, string>();
    const byHash = new Map<string, string>();
    const exact = new Set<string>();
    const missing: string[] = [];
    for (const m of metas) {
      present.add(m.id);
      for (const url of [m.url, ...m.alsoAt]) {
        if (url) exact.add(url);
        const key = url ? canonicalKey(url) : null;
        if (key && !byKey.has(key)) byKey.set(key, m.id);
      }
      if (!byHash.has(m.contentHash)) byHash.set(m.contentHash, m.id);
      if (this.#filed.get(m.id) === m.contentHash) continue;
      const kept = this.#kept.get(m.id);
      const fp = kept && kept.contentHash === m.contentHash ? decodeFingerprint(kept.bytes) : null;
      if (fp) this.#file(m.id, m.contentHash, fp);
      else missing.push(m.id);
    }
    const gone = [...this.#filed.keys()].filter((id) => !present.has(id));
    for (const id of gone) {
      this.#index.remove(id);
      this.#filed.delete(id);
    }
    const computed: StoredFingerprint[] = [];
    for (let i = 0; i < missing.length; i += BATCH) {
      for (const doc of await this.#documents.getMany(missing.slice(i, i + BATCH))) {
        const fp = fingerprint(doc.text);
        this.#file(doc.id, doc.contentHash, fp);
        computed.push({ docId: doc.id, contentHash: doc.contentHash, bytes: encodeFingerprint(fp) });
      }
    }
    const dropped = [...this.#kept.keys()].filter((id) => !present.has(id));
    if (computed.length > 0 || dropped.length > 0) {
      await this.#fingerprints.putFingerprints(computed, dropped);
      for (const f of computed) this.#kept.set(f.docId, f);
      for (const id of dropped) this.#kept.delete(id);
    }
    this.#byKey = byKey;
    this.#byHash = byHash;
    this.#exact = exact;
    this.#revision = revision;
  }

  #file(id: string, hash: string, fp: Fingerprint): void {
    this.#index.add(id, fp);
    this.#filed.set(id, hash);
  }

  /**
   * Notes that the store moved from `from` to `to` by a change whose documents were all passed to
   * noteAdded: the next sync need not read the store again. Another writer in between (the revision
   * moved more) leaves the next sync to catch up.
   */
  advance(from: number, to: number): void {
    if (this.#revision === from && to === from + 1) this.#revision = to;
  }

  /** The revision the deduper has caught up with (-1 before the first sync). */
  get revision(): number {
    return this.#revision;
  }

  /** The document at this address (or one that means the same article), or null. */
  findUrl(url: string | null): string | null {
    const key = url ? canonicalKey(url) : null;
    return key ? (this.#byKey.get(key) ?? null) : null;
  }

  /** True when this exact address is stored already (as a document's own or other address). */
  isStored(url: string): boolean {
    return this.#exact.has(url);
  }

  /** The stored document this article copies, by address, text or story; null when it is new. */
  find(article: { readonly urls: readonly (string | null)[]; readonly text: string }): Duplicate | null {
    for (const url of article.urls) {
      const docId = this.findUrl(url);
      if (docId) return { docId, kind: 'url' };
    }
    const same = this.#byHash.get(contentHash(article.text));
    if (same) return { docId: same, kind: 'text' };
    return this.findNear(article.text);
  }

  /** The stored document telling the same story as `text` (near-duplicate only), or null. */
  findNear(text: string): Duplicate | null {
    const near = this.#index.find(fingerprint(text));
    return near ? { docId: near.id, kind: 'near', similarity: near.similarity } : null;
  }

  /**
   * Files a document just written (so a second copy in the same batch is caught before the store is
   * read again), and notes another address of a stored one.
   */
  noteAdded(docId: string, urls: readonly (string | null)[], text?: string): void {
    for (const url of urls) {
      if (url) this.#exact.add(url);
      const key = url ? canonicalKey(url) : null;
      if (key && !this.#byKey.has(key)) this.#byKey.set(key, docId);
    }
    if (text !== undefined) {
      const hash = contentHash(text);
      if (!this.#byHash.has(hash)) this.#byHash.set(hash, docId);
      this.#file(docId, hash, fingerprint(text));
    }
  }
}
