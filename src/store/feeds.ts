/**
 * The feeds Griot polls and their poll state (conditional-GET validators, last error, back-off), the
 * entries already seen, the near-duplicate fingerprints of stored documents, and the documents
 * added per day for /stats. Implemented on SQLite (src/store/sqlite-feeds.ts) and PostgreSQL
 * (src/store/postgres-feeds.ts).
 */

/** A feed and where its polling stands. */
export interface Feed {
  /** Small number, shown and accepted by `/feeds remove`. */
  readonly id: number;
  readonly url: string;
  /** The feed's own title, once read. */
  readonly title: string | null;
  readonly addedAt: Date;
  /** Who added it (a Discord user tag, or "cli"). */
  readonly addedBy: string;
  /** Validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolledAt: Date | null;
  /** The last poll that worked (a 200 or a 304). */
  readonly lastOkAt: Date | null;
  /** Why the last poll failed; null when it worked. */
  readonly lastError: string | null;
  /** Polls failed in a row (0 when the last worked): the back-off grows with it. */
  readonly failures: number;
  /** When the bot polls it next. */
  readonly nextPollAt: Date;
  /** Articles this feed added to the corpus, in all. */
  readonly articlesAdded: number;
}

/** One entry of a feed, once handled (added, a duplicate, or refused). */
export interface SeenEntry {
  /** guid/id, else link. */
  readonly key: string;
  readonly url: string | null;
  /** The document it became or duplicates; null when it was refused. */
  readonly docId: string | null;
  /** Why it was not added (refused page, …); null when added or a duplicate. */
  readonly note: string | null;
}

/** The outcome of one poll, written at once. */
export interface PollRecord {
  readonly feedId: number;
  readonly at: Date;
  readonly ok: boolean;
  /** The title the feed gave (kept when null). */
  readonly title?: string | null;
  /** Validators to send next time (kept when undefined: a 304 or a failure). */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly error: string | null;
  readonly failures: number;
  readonly nextPollAt: Date;
  readonly added: number;
  readonly entries: readonly SeenEntry[];
}

/** A stored document's near-duplicate fingerprint, valid while its content hash is the same. */
export interface StoredFingerprint {
  readonly docId: string;
  readonly contentHash: string;
  readonly bytes: Uint8Array;
}

/** The right to poll one feed now, held until released (or until its holder dies). */
export interface FeedLease {
  release(): Promise<void>;
}

export interface FeedStore {
  /**
   * Takes the poll lease of a feed: undefined while another host (or process) polls it. On
   * PostgreSQL an advisory lock on one connection, released by the server when the holder dies, so
   * another host takes the feed over at its next poll.
   */
  lease(feedId: number): Promise<FeedLease | undefined>;
  /** Adds a feed, due at once; throws when its URL is already a feed. */
  add(feed: { readonly url: string; readonly title: string | null; readonly addedBy: string; readonly at: Date }): Promise<Feed>;
  list(): Promise<Feed[]>;
  /** By id (`3`) or URL. */
  get(ref: string): Promise<Feed | undefined>;
  /** True when it was there. Its seen entries go with it; the documents it added stay. */
  remove(id: number): Promise<boolean>;
  /** Which of these keys the feed has seen already. */
  seen(feedId: number, keys: readonly string[]): Promise<Set<string>>;
  recordPoll(record: PollRecord): Promise<void>;
  /** Every kept fingerprint. */
  fingerprints(): Promise<StoredFingerprint[]>;
  /** Writes (or replaces) fingerprints, and drops those of documents no longer stored. */
  putFingerprints(put: readonly StoredFingerprint[], drop: readonly string[]): Promise<void>;
  /** Documents added per day (UTC) over the last `days` days, oldest first, zeros included; by source kind too. */
  addedPerDay(days: number, now: Date): Promise<{ readonly day: string; readonly added: number; readonly fromFeeds: number }[]>;
}
