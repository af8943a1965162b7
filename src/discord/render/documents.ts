import type { APIEmbed } from 'discord.js';
import type { DocumentMeta } from '../../types.js';
import { packPages } from './pages.js';
import { formatArticleDate } from '../../format.js';
import { code, plain, plainWithin } from './markdown.js';

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
