import { appendFile, readFile, rm } from 'node:fs/promises';
import { readFileHead, writeFileAtomic } from '../search/persist.js';
import { documentHashes, type Document, type DocumentMeta, type DocumentSource, type TimelineEvent } from '../types.js';
import { extractEvents } from './extract.js';
import { dateKey, mergeEvents, remergeEvents } from './merge.js';

/** Bump when extraction or merging changes: a cache written by another version is ignored. */
export const EXTRACTION_VERSION = 2;

/**
 * One document's events, under the hash of the bytes they were extracted from. Read from the file,
 * `events` is parsed from its line when first asked for (null when that line is unreadable): a
 * reindex needs the events of the few documents on the dates it merges again, not of all 30,000.
 */
interface DocEntry {
  readonly hash: string;
  readonly events: TimelineEvent[] | null;
}

/** A saved line `{"id":…,"hash":…,"events":[…]}` (saveDocs writes the keys in this order): id and hash without parsing the events. */
const LINE_HEAD = /^\{"id":("(?:[^"\\]|\\.)*"),"hash":"([^"\\]*)","events":/;

/**
 * The per-document file is JSON lines: this header, then one `{id, hash, events}` a line, a later
 * line for an id replacing an earlier one. A reindex appends the documents it extracted (kilobytes,
 * where rewriting the file cost 55 MB at 30,000 articles); the file is rewritten once it holds twice
 * as many lines as documents.
 */
interface DocsHeader {
  readonly version: number;
  readonly lines: true;
}

/** The former layout of the per-document file, one object: still read, rewritten as lines at the next save. */
interface DocsFile {
  readonly version: number;
  readonly docs: Record<string, DocEntry>;
}

/** The merged timeline of one corpus, saved under the index fingerprint: what a warm start reads. */
interface MergedFile {
  readonly version: number;
  readonly fingerprint: string;
  readonly events: TimelineEvent[];
}

/**
 * The merged timeline of one corpus saved as changes to the full merged file of an earlier one
 * (`base`, its fingerprint): the merged events of the date keys merged again since (see
 * remergeEvents), and the order of all events by id. What a reindex writes instead of the whole file.
 */
interface MergedChangesFile {
  readonly version: number;
  readonly fingerprint: string;
  readonly base: string;
  readonly events: TimelineEvent[];
  readonly order: string[];
}

/** Merged changes are saved while they hold at most this share of the events; beyond, the whole timeline. */
const MAX_CHANGED_SHARE = 0.2;

export interface EventCacheOptions {
  /** Merged changes are saved while they hold at most this share of the events (default 0.2). */
  readonly maxChangedShare?: number;
}

/** What the cache did since it was opened; tests use it to prove a warm start does no timeline work. */
export interface EventCacheStats {
  /** Documents whose events were extracted (not found in the cache with the same hash). */
  extracted: number;
  /** Times the events of a corpus were merged. */
  merges: number;
}

/** Timeline events per document and the merged timeline per corpus fingerprint. */
export interface EventCache {
  /**
   * The merged events of these documents. When `fingerprint` (the index's corpus fingerprint) names
   * the saved merged timeline, that is returned as it is; otherwise only new or changed documents are
   * extracted (from a DocumentSource, only they are made whole), and only the dates they have events
   * on are merged again.
   */
  eventsFor(docs: readonly Document[] | DocumentSource, fingerprint?: string): Promise<TimelineEvent[]>;
  /**
   * Takes the merged timeline saved for an earlier corpus (its fingerprint, and its documents' hashes
   * by id) as the one the next {@link eventsFor} is merged from, when none is in memory: a start that
   * finds the corpus changed then merges only the changed documents' dates. False when none is saved.
   */
  resume(fingerprint: string, hashes: ReadonlyMap<string, string>): Promise<boolean>;
  /** Writes what changed since the last save (atomically, or appended as whole lines). */
  save(): Promise<void>;
  readonly stats: Readonly<EventCacheStats>;
}

/** Where the merged timeline is saved beside the per-document cache `path`. */
export function mergedPath(path: string): string {
  return path.replace(/(\.json)?$/, '-merged.json');
}

/** Where the merged timeline is saved as changes to the merged file `merged` (see MergedChangesFile). */
export function mergedChangesPath(merged: string): string {
  return merged.replace(/(\.json)?$/, '-changes.json');
}

/** The events saved under `fingerprint`, and the full merged file they come from with the date keys changed since it. */
interface SavedTimeline {
  readonly events: TimelineEvent[];
  readonly base: MergedBase;
}

/** The full merged file on disk (its fingerprint) and the date keys merged again since it was written. */
interface MergedBase {
  readonly fingerprint: string;
  readonly keys: Set<string>;
}

/**
 * Opens the event cache at `path` (per document) and {@link mergedPath} (merged). Nothing is read
 * until asked: a warm start reads only the merged file, and the per-document one only when a
 * document changed. A missing, corrupt or outdated file means starting empty. Date extraction costs
 * about 0.06 ms a sentence, so without the cache every start at 30,000 articles would pay minutes.
 */
export async function openEventCache(path: string, options: EventCacheOptions = {}): Promise<EventCache> {
  const merged = mergedPath(path);
  const changesPath = mergedChangesPath(merged);
  const maxChangedShare = options.maxChangedShare ?? MAX_CHANGED_SHARE;
  let docs: Map<string, DocEntry> | null = null;
  /** The per-document file as read: its layout, and the entry lines it holds. */
  let docsLayout: 'none' | 'object' | 'lines' = 'none';
  let docsLines = 0;
  /** Entries extracted since the last save: what the next save appends. */
  const pending = new Map<string, DocEntry>();
  let docsDirty = false;
  /** The merged timeline of the corpus with `fingerprint`, and the documents (id → hash) it was merged from. */
  let timeline: { fingerprint: string; events: TimelineEvent[]; hashes: ReadonlyMap<string, string> } | null = null;
  let mergedBase: MergedBase | null = null;
  let timelineDirty = false;
  const stats: EventCacheStats = { extracted: 0, merges: 0 };

  const loadDocs = async (): Promise<Map<string, DocEntry>> => {
    const empty = new Map<string, DocEntry>();
    let raw: Buffer;
    try {
      raw = await readFile(path);
    } catch {
      return empty; // No cache yet: extract everything once.
    }
    const nl = raw.indexOf(10);
    try {
      const header = JSON.parse(raw.toString('utf8', 0, nl < 0 ? raw.length : nl)) as Partial<DocsHeader & DocsFile>;
      if (header?.version !== EXTRACTION_VERSION) return empty;
      if (header.docs && typeof header.docs === 'object') {
        docsLayout = 'object';
        return new Map(Object.entries(header.docs));
      }
      if (header.lines !== true) return empty;
    } catch {
      return empty;
    }
    docsLayout = 'lines';
    const map = new Map<string, DocEntry>();
    for (let start = nl + 1; start > 0 && start < raw.length; ) {
      const newline = raw.indexOf(10, start);
      const end = newline < 0 ? raw.length : newline;
      const from = start;
      start = end + 1;
      if (end === from) continue;
      docsLines++;
      // Id and hash are in a line's first bytes; a very long id needs the whole line.
      const head = LINE_HEAD.exec(raw.toString('utf8', from, Math.min(end, from + 256))) ?? LINE_HEAD.exec(raw.toString('utf8', from, end));
      if (!head) continue; // Not a line of ours (or cut short by a crash mid-append): extracted again.
      let id: unknown;
      try {
        id = JSON.parse(head[1] as string);
      } catch {
        continue;
      }
      if (typeof id !== 'string') continue;
      let events: TimelineEvent[] | null | undefined;
      map.set(id, {
        hash: head[2] as string,
        get events() {
          if (events === undefined) {
            try {
              const e = (JSON.parse(raw.toString('utf8', from, end)) as { events?: unknown }).events;
              events = Array.isArray(e) ? (e as TimelineEvent[]) : null;
            } catch {
              events = null;
            }
          }
          return events;
        },
      });
    }
    return map;
  };

  /** The saved merged timeline when it was made for `fingerprint`; headers are checked before the rest is parsed. */
  const loadMerged = async (fingerprint: string): Promise<SavedTimeline | null> => {
    try {
      if ((await readFileHead(changesPath))?.includes(`"fingerprint":"${fingerprint}"`)) {
        const changes = JSON.parse(await readFile(changesPath, 'utf8')) as MergedChangesFile;
        if (changes?.version !== EXTRACTION_VERSION || changes.fingerprint !== fingerprint || !Array.isArray(changes.order)) return null;
        const base = await loadFull(changes.base);
        if (!base || !Array.isArray(changes.events)) return null;
        const byId = new Map(base.map((e) => [e.id, e]));
        for (const e of changes.events) byId.set(e.id, e);
        const events = changes.order.map((id) => byId.get(id));
        if (events.some((e) => e === undefined)) return null;
        return { events: events as TimelineEvent[], base: { fingerprint: changes.base, keys: new Set(changes.events.map(dateKey)) } };
      }
      const events = await loadFull(fingerprint);
      return events ? { events, base: { fingerprint, keys: new Set() } } : null;
    } catch {
      return null;
    }
  };

  /** The full merged file when it was made for `fingerprint`. */
  const loadFull = async (fingerprint: string): Promise<TimelineEvent[] | null> => {
    if (!(await readFileHead(merged))?.includes(`"fingerprint":"${fingerprint}"`)) return null;
    const file = JSON.parse(await readFile(merged, 'utf8')) as MergedFile;
    return file?.version === EXTRACTION_VERSION && file.fingerprint === fingerprint && Array.isArray(file.events) ? file.events : null;
  };

  const saveDocs = async (all: Map<string, DocEntry>) => {
    // Keys in this order: loadDocs reads id and hash from a line's start (LINE_HEAD).
    const line = ([id, e]: [string, DocEntry]) => (e.events ? [JSON.stringify({ id, hash: e.hash, events: e.events })] : []);
    if (docsLayout === 'lines' && docsLines + pending.size <= 2 * all.size + 100) {
      // Led by a newline: a line a crash cut short stays a line of its own (skipped), not the head of ours.
      if (pending.size > 0) await appendFile(path, `\n${[...pending].flatMap(line).join('\n')}\n`);
      docsLines += pending.size;
    } else {
      const header: DocsHeader = { version: EXTRACTION_VERSION, lines: true };
      await writeFileAtomic(path, `${[JSON.stringify(header), ...[...all].flatMap(line)].join('\n')}\n`);
      docsLayout = 'lines';
      docsLines = all.size;
    }
    pending.clear();
  };

  const saveMerged = async (t: NonNullable<typeof timeline>) => {
    const changed = mergedBase ? t.events.filter((e) => (mergedBase as MergedBase).keys.has(dateKey(e))) : null;
    const order = t.events.map((e) => e.id);
    if (mergedBase && changed && changed.length <= t.events.length * maxChangedShare && new Set(order).size === order.length) {
      // Fingerprint first: loadMerged checks it in the file's first bytes.
      const file: MergedChangesFile = { version: EXTRACTION_VERSION, fingerprint: t.fingerprint, base: mergedBase.fingerprint, events: changed, order };
      await writeFileAtomic(changesPath, JSON.stringify(file));
      return;
    }
    const file: MergedFile = { version: EXTRACTION_VERSION, fingerprint: t.fingerprint, events: t.events };
    await writeFileAtomic(merged, JSON.stringify(file));
    await rm(changesPath, { force: true });
    mergedBase = { fingerprint: t.fingerprint, keys: new Set() };
  };

  return {
    stats,
    async resume(fingerprint, hashes) {
      if (timeline) return false;
      const saved = await loadMerged(fingerprint);
      if (!saved) return false;
      timeline = { fingerprint, events: saved.events, hashes };
      mergedBase = saved.base;
      return true;
    },
    async eventsFor(given, fingerprint) {
      const current: readonly DocumentMeta[] = Array.isArray(given) ? given : (given as DocumentSource).documents();
      const whole = (meta: DocumentMeta): Document | undefined =>
        Array.isArray(given) ? (meta as Document) : (given as DocumentSource).document(meta.id);
      if (fingerprint !== undefined) {
        if (timeline?.fingerprint === fingerprint) return timeline.events;
        const saved = await loadMerged(fingerprint);
        if (saved) {
          timeline = { fingerprint, events: saved.events, hashes: documentHashes(current) };
          mergedBase = saved.base;
          return saved.events;
        }
      }
      docs ??= await loadDocs();
      const next = new Map<string, DocEntry>();
      const extract = (meta: DocumentMeta): TimelineEvent[] => {
        const doc = whole(meta);
        const entry = { hash: meta.hash, events: doc ? extractEvents(doc) : [] };
        next.set(meta.id, entry);
        pending.set(meta.id, entry);
        stats.extracted++;
        docsDirty = true;
        return entry.events;
      };
      for (const doc of current) {
        const cached = docs.get(doc.id);
        if (cached && cached.hash === doc.hash) next.set(doc.id, cached);
        else extract(doc);
      }
      if (next.size !== docs.size && docsLayout !== 'lines') docsDirty = true;
      docs = next;
      stats.merges++;
      const byId = new Map(current.map((d) => [d.id, d]));
      // A cached line that turns out unreadable: that document is extracted again.
      const eventsOf = (id: string): TimelineEvent[] => {
        const doc = byId.get(id);
        if (!doc) return [];
        return next.get(id)?.events ?? extract(doc);
      };
      // After a reindex only the changed documents' date keys are merged again (see remergeEvents).
      const touched = new Set<string>();
      const ids = current.map((d) => d.id);
      const events = timeline
        ? remergeEvents(timeline.events, ids, eventsOf, changedDocuments(timeline.hashes, current), touched)
        : mergeEvents(ids.flatMap(eventsOf));
      if (fingerprint !== undefined) {
        // Merged from scratch: no earlier merged file is a base for it.
        if (!timeline) mergedBase = null;
        for (const key of touched) mergedBase?.keys.add(key);
        timeline = { fingerprint, events, hashes: documentHashes(current) };
        timelineDirty = true;
      }
      return events;
    },
    async save() {
      if (docsDirty && docs) {
        docsDirty = false;
        await saveDocs(docs);
      }
      if (timelineDirty && timeline) {
        timelineDirty = false;
        await saveMerged(timeline);
      }
    },
  };
}


/** Ids of the documents added, changed or removed between `before` (id → hash) and `docs`. */
function changedDocuments(before: ReadonlyMap<string, string>, docs: readonly DocumentMeta[]): Set<string> {
  const changed = new Set<string>();
  const now = new Set<string>();
  for (const d of docs) {
    now.add(d.id);
    if (before.get(d.id) !== d.hash) changed.add(d.id);
  }
  for (const id of before.keys()) if (!now.has(id)) changed.add(id);
  return changed;
}
