/**
 * The document store on PostgreSQL: the same tables and behaviour as src/store/sqlite-documents.ts
 * (one contract suite checks both). A change is one transaction that locks the revision row first,
 * so changes from several hosts are applied one after another, and NOTIFYs the new revision on
 * commit: every host LISTENs (src/store/postgres-revision.ts) and brings its index up to it.
 */
import type pg from 'pg';
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
import { inTransaction } from './postgres-pool.js';
import { contentHash, documentMeta, type DocumentRow } from './document-rows.js';

/** The channel every host LISTENs on; the payload is `schema:revision` (hosts of other schemas ignore it). */
export const REVISION_CHANNEL = 'griot_revision';

type Row = DocumentRow<boolean, string[] | null>;

const META_COLUMNS = `d.id, d.source, d.source_ref, d.url, d.title, d.date_iso, d.date_precision, d.date_inferred, d.site,
  d.author, d.lang, d.content_hash, d.added_at, d.updated_at, d.revision,
  ARRAY(SELECT u.url FROM document_urls u WHERE u.doc_id = d.id ORDER BY u.url) AS also_at`;

function toMeta(r: Row): StoredDocumentMeta {
  return documentMeta(r, r.date_inferred, r.also_at ?? []);
}

/** The WHERE clause of a list or count (parameters from $1). */
function where(query: Pick<DocumentQuery, 'source' | 'query'>): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (query.source) {
    params.push(query.source);
    parts.push(`d.source = $${params.length}`);
  }
  for (const word of (query.query ?? '').split(/\s+/).filter(Boolean)) {
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    parts.push(`(d.id ILIKE ${p} OR d.title ILIKE ${p} OR d.url ILIKE ${p} OR d.site ILIKE ${p} OR d.source_ref ILIKE ${p})`);
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const sameDocument = (before: Row & { text?: string }, d: NewDocument, hash: string): boolean =>
  before.content_hash === hash &&
  before.source === d.source &&
  before.source_ref === d.sourceRef &&
  before.url === d.url &&
  before.title === d.title &&
  before.date_iso === (d.date?.iso ?? null) &&
  before.date_precision === (d.date?.precision ?? null) &&
  before.date_inferred === (d.date?.inferred ?? false) &&
  before.site === d.site &&
  before.author === d.author &&
  before.lang === d.lang;

interface FolderRow {
  path: string;
  hash: string;
  size: number | null;
  mtime_ms: number | null;
  doc_id: string | null;
  skip_reason: string | null;
  excluded: boolean;
}

const sameFolderFile = (before: FolderRow | undefined, f: FolderFile): boolean =>
  before !== undefined &&
  before.hash === f.hash &&
  before.size === f.size &&
  before.mtime_ms === f.mtimeMs &&
  before.doc_id === f.docId &&
  before.skip_reason === f.skipReason &&
  before.excluded === f.excluded;

/** The document store over the migrated schema of `pool`. */
export async function createPostgresDocuments(pool: pg.Pool, now: () => Date = () => new Date()): Promise<DocumentStore> {
  const storeId = (await pool.query<{ store_id: string }>('SELECT store_id FROM store_state WHERE one = 1')).rows[0]!.store_id;
  const read = async (ids: readonly string[]): Promise<Map<string, StoredDocument>> => {
    const r = await pool.query<Row>(`SELECT ${META_COLUMNS}, d.text FROM documents d WHERE d.id = ANY($1::text[])`, [ids]);
    return new Map(r.rows.map((row) => [row.id, { ...toMeta(row), text: row.text ?? '' }]));
  };

  return {
    storeId,
    async revision() {
      return (await pool.query<{ revision: number }>('SELECT revision FROM store_state WHERE one = 1')).rows[0]!.revision;
    },
    async list(query: DocumentQuery = {}) {
      const w = where(query);
      const page = query.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(query.limit))} OFFSET ${Math.max(0, Math.floor(query.offset ?? 0))}` : '';
      // COLLATE "C": the same id order as SQLite (byte order), whatever the database's locale.
      return (await pool.query<Row>(`SELECT ${META_COLUMNS} FROM documents d ${w.sql} ORDER BY d.id COLLATE "C"${page}`, w.params)).rows.map(toMeta);
    },
    async count(query = {}) {
      const w = where(query);
      return (await pool.query<{ n: number }>(`SELECT count(*) AS n FROM documents d ${w.sql}`, w.params)).rows[0]!.n;
    },
    async get(id) {
      return (await read([id])).get(id);
    },
    async getMany(ids) {
      const found = await read(ids);
      return ids.flatMap((id) => found.get(id) ?? []);
    },
    async findByUrl(url) {
      const r = await pool.query<Row>(`SELECT ${META_COLUMNS} FROM documents d WHERE d.url = $1 OR d.id = (SELECT doc_id FROM document_urls WHERE url = $1) LIMIT 1`, [url]);
      return r.rows[0] ? toMeta(r.rows[0]) : undefined;
    },
    async findByContentHash(hash) {
      const r = await pool.query<Row>(`SELECT ${META_COLUMNS} FROM documents d WHERE d.content_hash = $1 ORDER BY d.id COLLATE "C" LIMIT 1`, [hash]);
      return r.rows[0] ? toMeta(r.rows[0]) : undefined;
    },
    async folderFiles() {
      const r = await pool.query<FolderRow>('SELECT path, hash, size, mtime_ms, doc_id, skip_reason, excluded FROM folder_files ORDER BY path COLLATE "C"');
      return r.rows.map((f) => ({ path: f.path, hash: f.hash, size: f.size, mtimeMs: f.mtime_ms, docId: f.doc_id, skipReason: f.skip_reason, excluded: f.excluded }));
    },
    async apply(change: DocumentChange): Promise<ChangeResult> {
      for (const d of change.put ?? []) if (d.text.trim() === '') throw new Error(`document ${d.id} has no text`);
      return inTransaction(pool, async (client) => {
        // The revision row locked first: hosts' changes queue here, each sees the other's result.
        const revision = (await client.query<{ revision: number }>('SELECT revision FROM store_state WHERE one = 1 FOR UPDATE')).rows[0]!.revision;
        const next = revision + 1;
        const at = now().getTime();
        let changed = false;
        for (const id of change.remove ?? []) {
          if (((await client.query('DELETE FROM documents WHERE id = $1', [id])).rowCount ?? 0) > 0) changed = true;
          await client.query('DELETE FROM document_urls WHERE doc_id = $1', [id]);
        }
        for (const d of change.put ?? []) {
          const hash = contentHash(d.text);
          const before = (await client.query<Row>('SELECT * FROM documents WHERE id = $1', [d.id])).rows[0];
          if (before && sameDocument(before, d, hash)) continue;
          await client.query(
            `INSERT INTO documents (id, source, source_ref, url, title, date_iso, date_precision, date_inferred, site, author, lang, text, content_hash, added_at, updated_at, revision)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
             ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, source_ref = EXCLUDED.source_ref, url = EXCLUDED.url,
               title = EXCLUDED.title, date_iso = EXCLUDED.date_iso, date_precision = EXCLUDED.date_precision,
               date_inferred = EXCLUDED.date_inferred, site = EXCLUDED.site, author = EXCLUDED.author, lang = EXCLUDED.lang,
               text = EXCLUDED.text, content_hash = EXCLUDED.content_hash, updated_at = EXCLUDED.updated_at, revision = EXCLUDED.revision`,
            [d.id, d.source, d.sourceRef, d.url, d.title, d.date?.iso ?? null, d.date?.precision ?? null, d.date?.inferred ?? false, d.site, d.author, d.lang, d.text, hash, at, next],
          );
          changed = true;
        }
        for (const { id, url } of change.alsoAt ?? []) {
          if ((await client.query('SELECT 1 FROM documents WHERE id = $1', [id])).rowCount === 0) throw new Error(`document ${id} is not in the store`);
          if (((await client.query('INSERT INTO document_urls (url, doc_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [url, id])).rowCount ?? 0) > 0) changed = true;
        }
        for (const path of change.folderRemove ?? []) {
          if (((await client.query('DELETE FROM folder_files WHERE path = $1', [path])).rowCount ?? 0) > 0) changed = true;
        }
        for (const f of change.folderPut ?? []) {
          const before = (await client.query<FolderRow>('SELECT * FROM folder_files WHERE path = $1', [f.path])).rows[0];
          if (sameFolderFile(before, f)) continue;
          await client.query(
            `INSERT INTO folder_files (path, hash, size, mtime_ms, doc_id, skip_reason, excluded) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (path) DO UPDATE SET hash = EXCLUDED.hash, size = EXCLUDED.size, mtime_ms = EXCLUDED.mtime_ms,
               doc_id = EXCLUDED.doc_id, skip_reason = EXCLUDED.skip_reason, excluded = EXCLUDED.excluded`,
            [f.path, f.hash, f.size, f.mtimeMs, f.docId, f.skipReason, f.excluded],
          );
          changed = true;
        }
        if (!changed) return { revision, changed: false };
        await client.query('UPDATE store_state SET revision = $1 WHERE one = 1', [next]);
        // Delivered on commit, to every host LISTENing (a rolled-back change notifies nobody).
        await client.query('SELECT pg_notify($1, current_schema() || $2)', [REVISION_CHANNEL, `:${next}`]);
        return { revision: next, changed: true };
      });
    },
  };
}
