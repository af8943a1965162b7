import { randomBytes } from 'node:crypto';
import type { APIEmbed } from 'discord.js';
import type { BotContext } from './context.js';
import { pagerButtons } from './render/buttons.js';

/** Keeps pages of embeds for the pager buttons and returns the first page's message. */
export function openView(ctx: BotContext, pages: readonly APIEmbed[]) {
  const viewId = randomBytes(5).toString('hex');
  if (pages.length > 1) ctx.views.set(viewId, pages);
  return viewPage(viewId, pages, 0);
}

/** The message showing page `page` of a view, with its pager buttons. */
export function viewPage(viewId: string, pages: readonly APIEmbed[], page: number) {
  const at = Math.min(Math.max(0, page), pages.length - 1);
  return { embeds: [pages[at]!], components: pagerButtons(viewId, at, pages.length) };
}
