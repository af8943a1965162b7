import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { App } from '../app.js';
import type { AddResult } from '../sources/add-article.js';
import { addFromTarget } from '../sources/add-target.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliIo } from './io.js';

/** The JSON of `add --json`: what is (or would be) stored. */
export function addedJson(r: Extract<AddResult, { ok: true }>): Record<string, unknown> {
  const d = r.document;
  return {
    id: r.id,
    title: d.title,
    date: d.date?.iso ?? null,
    datePrecision: d.date?.precision ?? null,
    url: d.url,
    site: d.site,
    author: d.author,
    lang: d.lang,
    text: d.text,
    ...(r.duplicateOf !== undefined ? { duplicateOf: r.duplicateOf } : {}),
  };
}

/** One line saying what adding did. */
export function addedLine(r: Extract<AddResult, { ok: true }>, dryRun: boolean): string {
  const d = r.document;
  const what = `${d.title ? `"${d.title}"` : d.sourceRef}${d.site ? ` (${d.site}` : ' ('}${d.date ? `${d.site ? ', ' : ''}${d.date.iso}` : `${d.site ? ', ' : ''}undated`})`;
  if (r.duplicateOf !== undefined) return `Not added: ${what} is already in the corpus as ${r.duplicateOf} (same ${r.duplicateBy === 'url' ? 'address' : r.duplicateBy === 'text' ? 'text' : 'story'}).`;
  if (dryRun) return `Would add ${what} as ${r.id}; nothing was stored (--dry-run).`;
  return `${r.replaced ? 'Replaced' : 'Added'} ${what} as ${r.id}.`;
}

/**
 * `npm run add -- [--json] [--dry-run] <url | file>`: fetches or reads one article, adds it to the
 * store (unless it is a duplicate) and reindexes, so the bot picks the saved index up.
 */
export async function addCommand(app: App, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  });
  if (positionals.length !== 1) throw new UsageError('add takes one address or file, e.g. npm run add -- https://example.org/article.html');
  const target = positionals[0]!;
  const dryRun = values['dry-run'];
  const r = await addFromTarget(app.store.documents, target, { maxBytes: app.config.maxDocumentBytes, dryRun, readFile: (f) => readFile(f), name: basename(target) });
  if (!r.ok) {
    io.err(`${r.reason}\n`);
    return 1;
  }
  if (!dryRun && r.duplicateOf === undefined) {
    app.logger.info({ by: 'terminal', id: r.id, url: r.document.url, source: r.document.source }, 'document added');
    await app.engine.reindex();
  }
  io.out(values.json ? `${JSON.stringify(addedJson(r))}\n` : `${addedLine(r, dryRun)}\n`);
  return 0;
}
