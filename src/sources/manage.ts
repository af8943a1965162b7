/**
 * What moderators do to the corpus besides adding: remove a document, export every document as a
 * Markdown file with front matter (a folder that imports back as it was). Removing a folder file's
 * document leaves the file alone and marks it excluded: the folder sync leaves it out until the file
 * is deleted.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderFrontMatter } from '../corpus/front-matter.js';
import type { DocumentStore, StoredDocument, StoredDocumentMeta } from '../store/documents.js';

/** What a removal did, or why nothing was removed. */
export type RemoveResult = { readonly ok: true; readonly removed: StoredDocumentMeta; readonly revision: number } | { readonly ok: false; readonly reason: string };

/** Removes document `id` in one change (a folder file's is excluded from the sync, see the module comment). */
export async function removeDocument(store: DocumentStore, id: string): Promise<RemoveResult> {
  const found = await store.get(id);
  if (!found) return { ok: false, reason: `no document has the id "${id}"; list them with /documents list or npm run documents -- list` };
  const file = found.source === 'folder' ? (await store.folderFiles()).find((f) => f.docId === id) : undefined;
  const result = await store.apply({
    remove: [id],
    ...(file ? { folderPut: [{ ...file, docId: null, skipReason: 'removed by a moderator', excluded: true }] } : {}),
  });
  const { text: _text, ...removed } = found;
  return { ok: true, removed, revision: result.revision };
}

/** A document as a Markdown file: front matter (id, title, date, url, site, author, lang, source), then its text. */
export function documentMarkdown(d: StoredDocument): string {
  return (
    renderFrontMatter({
      id: d.id,
      ...(d.title !== null ? { title: d.title } : {}),
      ...(d.date !== null ? { date: d.date } : {}),
      ...(d.url !== null ? { url: d.url } : {}),
      ...(d.site !== null ? { site: d.site } : {}),
      ...(d.author !== null ? { author: d.author } : {}),
      ...(d.lang !== null ? { lang: d.lang } : {}),
      source: `${d.source} ${d.sourceRef}`,
    }) + `${d.text}\n`
  );
}

/** Documents read from the store at a time while exporting. */
const BATCH = 200;

/**
 * Writes every document to `dir` as `<id>.md` (see documentMarkdown), each file atomically; returns
 * how many were written. Set CORPUS_DIR to `dir` (in a fresh DATA_DIR) to import them back.
 */
export async function exportDocuments(store: DocumentStore, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const ids = (await store.list()).map((d) => d.id);
  let written = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const d of await store.getMany(ids.slice(i, i + BATCH))) {
      const target = path.join(dir, `${d.id}.md`);
      const tmp = path.join(dir, `.${d.id}.${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(tmp, documentMarkdown(d));
      await rename(tmp, target);
      written++;
    }
  }
  return written;
}
