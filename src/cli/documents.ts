import type { App } from '../app.js';
import { DOCUMENT_SOURCE_KINDS, type DocumentSourceKind, type StoredDocumentMeta } from '../store/documents.js';
import { exportDocuments, removeDocument } from '../sources/manage.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliIo } from './io.js';

/** One document as a line: id, source, date, outlet, title, address. */
export function documentLine(d: StoredDocumentMeta): string {
  const parts = [d.id, d.source, d.date?.iso ?? 'undated', d.site ?? '', d.title ?? '(first words)', d.url ?? d.sourceRef];
  return parts.filter((p) => p !== '').join(' · ');
}

/** A document's metadata as JSON (dates as ISO strings). */
function metaJson(d: StoredDocumentMeta): Record<string, unknown> {
  return { ...d, addedAt: d.addedAt.toISOString(), updatedAt: d.updatedAt.toISOString() };
}

function sourceKind(value: string | undefined): DocumentSourceKind | undefined {
  if (value === undefined) return undefined;
  if (!DOCUMENT_SOURCE_KINDS.includes(value as DocumentSourceKind)) {
    throw new UsageError(`--source expects one of ${DOCUMENT_SOURCE_KINDS.join(', ')}, got "${value}"`);
  }
  return value as DocumentSourceKind;
}

/**
 * `npm run documents -- list [--source KIND] [--query WORDS] [--json] | show ID [--json] | remove ID |
 * export DIR`: the corpus as the store holds it. Remove reindexes (the bot picks the saved index up).
 */
export async function documentsCommand(app: App, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    source: { type: 'string' },
    query: { type: 'string' },
  });
  const [action, arg, ...rest] = positionals;
  const docs = app.store.documents;
  const out = (json: unknown, text: string) => io.out(values.json ? `${JSON.stringify(json)}\n` : `${text}\n`);
  switch (action) {
    case 'list': {
      const source = sourceKind(values.source);
      const query = [values.query, arg, ...rest].filter(Boolean).join(' ');
      const list = await docs.list({ ...(source ? { source } : {}), ...(query ? { query } : {}) });
      out({ count: list.length, documents: list.map(metaJson) }, list.length === 0 ? 'No documents match.' : `${list.map(documentLine).join('\n')}\n${list.length} documents.`);
      return 0;
    }
    case 'show': {
      if (!arg) throw new UsageError('documents show needs a document id');
      const d = await docs.get(arg);
      if (!d) {
        io.err(`No document has the id "${arg}"; list them with npm run documents -- list\n`);
        return 1;
      }
      const also = d.alsoAt.length > 0 ? `\nalso at: ${d.alsoAt.join(', ')}` : '';
      out(metaJson(d), `${documentLine(d)}\nauthor: ${d.author ?? '–'} · lang: ${d.lang ?? '–'} · added ${d.addedAt.toISOString()}${also}\n\n${d.text}`);
      return 0;
    }
    case 'remove': {
      if (!arg) throw new UsageError('documents remove needs a document id');
      const r = await removeDocument(docs, arg);
      if (!r.ok) {
        io.err(`${r.reason}\n`);
        return 1;
      }
      app.logger.info({ by: 'terminal', id: arg, title: r.removed.title, source: r.removed.source }, 'document removed');
      const report = await app.engine.reindex();
      const note = r.removed.source === 'folder' ? ` Its file ${r.removed.sourceRef} stays in CORPUS_DIR and is left out until you delete it.` : '';
      out({ removed: metaJson(r.removed), documents: report.documents }, `Removed ${documentLine(r.removed)}.${note} ${report.documents} documents indexed.`);
      return 0;
    }
    case 'export': {
      if (!arg) throw new UsageError('documents export needs a folder, e.g. npm run documents -- export backup/');
      const n = await exportDocuments(docs, arg);
      out({ exported: n, dir: arg }, `Wrote ${n} documents to ${arg} as Markdown with front matter (import them with CORPUS_DIR=${arg}).`);
      return 0;
    }
    default:
      throw new UsageError(`documents expects list, show ID, remove ID or export DIR${action ? `, got "${action}"` : ''}`);
  }
}
