import type { APIEmbed } from 'discord.js';
import type { DocumentQuery, StoredDocumentMeta } from '../../store/documents.js';
import type { DocumentMeta } from '../../types.js';
import { packPages } from './pages.js';
import { formatArticleDate } from '../../format.js';
import { code, maskedLink, plain, plainWithin } from './markdown.js';

/** The corpus's documents as pages of embeds: id, date, title, language and passage count per line. */
export function documentPages(documents: readonly DocumentMeta[]): APIEmbed[] {
  const total = documents.reduce((n, d) => n + d.passageCount, 0);
  const lines = documents.map((d) => ({
    headings: [],
    text: `${code(d.id)} · ${formatArticleDate(d.date)} · ${plain(d.lang)} · ${d.passageCount} passages\n${plainWithin(d.title, 140)}`,
  }));
  const pages = packPages(lines, 1800);
  const title = `Sources in the corpus (${documents.length} documents, ${total} passages)`;
  if (pages.length === 0) return [{ title, description: 'The corpus is empty: add documents to CORPUS_DIR and reindex.' }];
  return pages.map((description, i) => ({ title, description, footer: { text: `Page ${i + 1} of ${pages.length}` } }));
}

/** One stored document as a line of /documents list: id, source, date, outlet, then its title (a link when it has an address). */
export function storedDocumentLine(d: StoredDocumentMeta): string {
  const title = plainWithin(d.title ?? '(titled by its first words)', 140);
  const linked = d.url ? (maskedLink(title, d.url) ?? title) : title;
  const date = d.date ? d.date.iso : 'undated';
  return `${code(d.id)} · ${d.source} · ${date}${d.site ? ` · ${plainWithin(d.site, 60)}` : ''}\n${linked}`;
}

/** The store's documents (a /documents list) as pages of embeds. */
export function storedDocumentPages(documents: readonly StoredDocumentMeta[], filter: Pick<DocumentQuery, 'source' | 'query'> = {}): APIEmbed[] {
  const pages = packPages(documents.map((d) => ({ headings: [], text: storedDocumentLine(d) })), 1800);
  const what = [filter.source ? `source ${filter.source}` : '', filter.query ? `matching “${plainWithin(filter.query, 60)}”` : ''].filter(Boolean).join(', ');
  const title = `Documents${what ? ` (${what})` : ''}: ${documents.length}`;
  if (pages.length === 0) return [{ title, description: 'No documents match.' }];
  return pages.map((description, i) => ({ title, description, footer: { text: `Page ${i + 1} of ${pages.length} · remove one with /documents remove id:` } }));
}
