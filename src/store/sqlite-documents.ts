/**
 * The document store on SQLite: the `documents`, `document_urls`, `folder_files` and `store_state`
 * tables (schema.ts). A change is one IMMEDIATE transaction, so a crash or a failed write leaves
 * the documents and the revision as they were, and two processes never interleave their changes.
 */
import type Database from 'better-sqlite3';
import type {
  ChangeResult,
  DocumentChange,
  DocumentQuery,
  DocumentStore,
  FolderFile,
  NewDocument,
  StoredDocument,
  StoredDocumentMeta,
} from './documents.js';
import { contentHash, documentMeta, type DocumentRow } from './document-rows.js';


type Row = DocumentRow<number, string | null>;

const META_COLUMNS = `d.id, d.source, d.source_ref, d.url, d.title, d.date_iso, d.date_precision, d.date_inferred, d.site,
  d.author, d.lang, d.content_hash, d.added_at, d.updated_at, d.revision,
  (SELECT json_group_array(u.url) FROM document_urls u WHERE u.doc_id = d.id) AS also_at`;

function toMeta(r: Row): StoredDocumentMeta {
  return documentMeta(r, r.date_inferred === 1, r.also_at ? (JSON.parse(r.also_at) as string[]) : []);
}

function toDocument(r: Row): StoredDocument {
  return { ...toMeta(r), text: r.text ?? '' };
}

/** The LIKE pattern and WHERE clause of a list or count. */
function where(query: Pick<DocumentQuery, 'source' | 'query'>): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (query.source) {
    parts.push('d.source = ?');
    params.push(query.source);
  }
  for (const word of (query.query ?? '').split(/\s+/).filter(Boolean)) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(`(d.id LIKE ? ESCAPE '\\' OR d.title LIKE ? ESCAPE '\\' OR d.url LIKE ? ESCAPE '\\' OR d.site LIKE ? ESCAPE '\\' OR d.source_ref LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like, like);
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The document store over an open, migrated database (sqlite.ts opens it). */
export function createSqliteDocuments(db: Database.Database, now: () => Date = () => new Date()): DocumentStore {
  const state = db.prepare('SELECT store_id AS storeId, revision FROM store_state WHERE one = 1');
  const readState = () => state.get() as { storeId: string; revision: number };
  const storeId = readState().storeId;
  const getOne = db.prepare(`SELECT ${META_COLUMNS}, d.text FROM documents d WHERE d.id = ?`);
  const existing = db.prepare('SELECT added_at, content_hash, source, source_ref, url, title, date_iso, date_precision, date_inferred, site, author, lang FROM documents WHERE id = ?');
  const upsert = db.prepare(`
    INSERT INTO documents (id, source, source_ref, url, title, date_iso, date_precision, date_inferred, site, author, lang, text, content_hash, added_at, updated_at, revision)
    VALUES (@id, @source, @sourceRef, @url, @title, @dateIso, @datePrecision, @dateInferred, @site, @author, @lang, @text, @contentHash, @at, @at, @revision)
    ON CONFLICT (id) DO UPDATE SET source = excluded.source, source_ref = excluded.source_ref, url = excluded.url,
      title = excluded.title, date_iso = excluded.date_iso, date_precision = excluded.date_precision,
      date_inferred = excluded.date_inferred, site = excluded.site, author = excluded.author, lang = excluded.lang,
      text = excluded.text, content_hash = excluded.content_hash, updated_at = excluded.updated_at, revision = excluded.revision`);
  const deleteDoc = db.prepare('DELETE FROM documents WHERE id = ?');
  const deleteUrls = db.prepare('DELETE FROM document_urls WHERE doc_id = ?');
  const addUrl = db.prepare('INSERT OR IGNORE INTO document_urls (url, doc_id) VALUES (?, ?)');
  const docExists = db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
  const byUrl = db.prepare(`SELECT ${META_COLUMNS} FROM documents d WHERE d.url = ? OR d.id = (SELECT doc_id FROM document_urls WHERE url = ?) LIMIT 1`);
  const byHash = db.prepare(`SELECT ${META_COLUMNS} FROM documents d WHERE d.content_hash = ? ORDER BY d.id LIMIT 1`);
  const folderAll = db.prepare('SELECT path, hash, size, mtime_ms AS mtimeMs, doc_id AS docId, skip_reason AS skipReason, excluded FROM folder_files ORDER BY path');
  const folderGet = db.prepare('SELECT hash, size, mtime_ms AS mtimeMs, doc_id AS docId, skip_reason AS skipReason, excluded FROM folder_files WHERE path = ?');
  const folderUpsert = db.prepare(`
    INSERT INTO folder_files (path, hash, size, mtime_ms, doc_id, skip_reason, excluded) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (path) DO UPDATE SET hash = excluded.hash, size = excluded.size, mtime_ms = excluded.mtime_ms,
      doc_id = excluded.doc_id, skip_reason = excluded.skip_reason, excluded = excluded.excluded`);
  const folderDelete = db.prepare('DELETE FROM folder_files WHERE path = ?');
  const bump = db.prepare('UPDATE store_state SET revision = ? WHERE one = 1');

  const sameDocument = (before: Record<string, unknown>, d: NewDocument, hash: string): boolean =>
    before.content_hash === hash &&
    before.source === d.source &&
    before.source_ref === d.sourceRef &&
    before.url === d.url &&
    before.title === d.title &&
    before.date_iso === (d.date?.iso ?? null) &&
    before.date_precision === (d.date?.precision ?? null) &&
    before.date_inferred === (d.date?.inferred ? 1 : 0) &&
    before.site === d.site &&
    before.author === d.author &&
    before.lang === d.lang;

  const sameFolderFile = (before: Record<string, unknown> | undefined, f: FolderFile): boolean =>
    before !== undefined &&
    before.hash === f.hash &&
    before.size === f.size &&
    before.mtimeMs === f.mtimeMs &&
    before.docId === f.docId &&
    before.skipReason === f.skipReason &&
    before.excluded === (f.excluded ? 1 : 0);

  const applyNow = db.transaction((change: DocumentChange): ChangeResult => {
    const { revision } = readState();
    const next = revision + 1;
    const at = now().getTime();
    let changed = false;
    for (const id of change.remove ?? []) {
      if (deleteDoc.run(id).changes > 0) changed = true;
      deleteUrls.run(id);
    }
    for (const d of change.put ?? []) {
      if (d.text.trim() === '') throw new Error(`document ${d.id} has no text`);
      const hash = contentHash(d.text);
      const before = existing.get(d.id) as Record<string, unknown> | undefined;
      if (before && sameDocument(before, d, hash)) continue;
      upsert.run({
        id: d.id,
        source: d.source,
        sourceRef: d.sourceRef,
        url: d.url,
        title: d.title,
        dateIso: d.date?.iso ?? null,
        datePrecision: d.date?.precision ?? null,
        dateInferred: d.date?.inferred ? 1 : 0,
        site: d.site,
        author: d.author,
        lang: d.lang,
        text: d.text,
        contentHash: hash,
        at,
        revision: next,
      });
      changed = true;
    }
    for (const { id, url } of change.alsoAt ?? []) {
      if (!docExists.get(id)) throw new Error(`document ${id} is not in the store`);
      if (addUrl.run(url, id).changes > 0) changed = true;
    }
    for (const path of change.folderRemove ?? []) {
      if (folderDelete.run(path).changes > 0) changed = true;
    }
    for (const f of change.folderPut ?? []) {
      if (sameFolderFile(folderGet.get(f.path) as Record<string, unknown> | undefined, f)) continue;
      folderUpsert.run(f.path, f.hash, f.size, f.mtimeMs, f.docId, f.skipReason, f.excluded ? 1 : 0);
      changed = true;
    }
    if (!changed) return { revision, changed: false };
    bump.run(next);
    return { revision: next, changed: true };
  });

  return {
    storeId,
    async revision() {
      return readState().revision;
    },
    async list(query: DocumentQuery = {}) {
      const w = where(query);
      const page = query.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(query.limit))} OFFSET ${Math.max(0, Math.floor(query.offset ?? 0))}` : '';
      const rows = db.prepare(`SELECT ${META_COLUMNS} FROM documents d ${w.sql} ORDER BY d.id${page}`).all(...w.params) as Row[];
      return rows.map(toMeta);
    },
    async count(query = {}) {
      const w = where(query);
      return db.prepare(`SELECT count(*) FROM documents d ${w.sql}`).pluck().get(...w.params) as number;
    },
    async get(id) {
      const r = getOne.get(id) as Row | undefined;
      return r ? toDocument(r) : undefined;
    },
    async getMany(ids) {
      const out: StoredDocument[] = [];
      for (const id of ids) {
        const r = getOne.get(id) as Row | undefined;
        if (r) out.push(toDocument(r));
      }
      return out;
    },
    async findByUrl(url) {
      const r = byUrl.get(url, url) as Row | undefined;
      return r ? toMeta(r) : undefined;
    },
    async findByContentHash(hash) {
      const r = byHash.get(hash) as Row | undefined;
      return r ? toMeta(r) : undefined;
    },
    async folderFiles() {
      // Raw rows: one object a file, not two (30,000 files at every start).
      const rows = folderAll.raw(true).all() as [string, string, number | null, number | null, string | null, string | null, number][];
      return rows.map(([path, hash, size, mtimeMs, docId, skipReason, excluded]) => ({ path, hash, size, mtimeMs, docId, skipReason, excluded: excluded === 1 }));
    },
    async apply(change) {
      return applyNow.immediate(change);
    },
  };
}
