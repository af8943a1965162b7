import { randomBytes } from 'node:crypto';
import type { APIEmbed } from 'discord.js';
import type { BotContext, ViewSpec } from './context.js';
import { pagerButtons } from './render/buttons.js';
import { documentPages, storedDocumentPages } from './render/documents.js';
import { timelinePages } from './render/timeline.js';

/**
 * Shows the first page of a list; when it has more, keeps what it is a view of (not its pages: a
 * /sources of 30,000 documents is thousands of pages) so the pager works after a restart too.
 */
export async function openView(ctx: BotContext, spec: ViewSpec, pages: readonly APIEmbed[]) {
  const viewId = randomBytes(5).toString('hex');
  if (pages.length > 1) await ctx.views.set(viewId, spec);
  return viewPage(viewId, pages, 0);
}

/** The pages of a view, made again from the current corpus. */
export async function viewPages(ctx: BotContext, spec: ViewSpec): Promise<APIEmbed[]> {
  if (spec.kind === 'sources') return documentPages(ctx.engine.documents());
  if (spec.kind === 'documents') {
    const filter = { ...(spec.source ? { source: spec.source } : {}), ...(spec.query ? { query: spec.query } : {}) };
    return storedDocumentPages(await ctx.store.documents.list(filter), filter);
  }
  return timelinePages(await ctx.engine.timeline(spec.query), spec.query);
}

/** The message showing page `page` of a view, with its pager buttons. */
export function viewPage(viewId: string, pages: readonly APIEmbed[], page: number) {
  const at = Math.min(Math.max(0, page), pages.length - 1);
  return { embeds: [pages[at]!], components: pagerButtons(viewId, at, pages.length) };
}
