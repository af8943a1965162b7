import { viewPage, viewPages } from '../views.js';
import { UserError } from '../user-error.js';
import { gone } from './shown-answer.js';
import type { ComponentHandler } from './types.js';

/** ◀ / ▶ under a paginated list: shows another page in place, the pages made again from what the list is of. */
export const page: ComponentHandler = {
  prefix: 'page',
  async execute(interaction, [viewId, n], ctx) {
    const spec = viewId ? await ctx.views.get(viewId) : undefined;
    if (!spec) throw new UserError(gone('list', ctx.retentionDays));
    // A timeline is searched again: acknowledged first, so a slow one never misses Discord's 3 s.
    await interaction.deferUpdate();
    await interaction.editReply(viewPage(viewId!, await viewPages(ctx, spec), Number(n)));
  },
};
