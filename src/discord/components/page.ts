import { viewPage } from '../views.js';
import { UserError } from '../user-error.js';
import type { ComponentHandler } from './types.js';

/** ◀ / ▶ under a paginated list: shows another page in place. */
export const page: ComponentHandler = {
  prefix: 'page',
  async execute(interaction, [viewId, n], ctx) {
    const pages = viewId ? ctx.views.get(viewId) : undefined;
    if (!pages) throw new UserError('This list has expired. Run the command again.');
    await interaction.update(viewPage(viewId!, pages, Number(n)));
  },
};
