import { removeDocument } from '../../sources/manage.js';
import { ReindexBusyError } from '../../engine.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { MODERATORS_ONLY } from '../commands/documents.js';
import { isModerator } from '../commands/reindex.js';
import { storedDocumentLine } from '../render/documents.js';
import { UserError } from '../user-error.js';
import type { ComponentHandler } from './types.js';

/** "Remove it" under /documents remove: the moderator is checked again, the document removed and the index updated. */
export const removeDocumentButton: ComponentHandler = {
  prefix: 'docrm',
  async execute(interaction, args, ctx, log) {
    const who = { id: interaction.user.id, username: interaction.user.username };
    if (!isModerator(interaction, ctx.config)) {
      log.warn({ by: who }, 'document removal refused: the member is not a moderator');
      throw new UserError(MODERATORS_ONLY);
    }
    const id = args.join(':');
    await interaction.deferUpdate();
    const r = await removeDocument(ctx.store.documents, id);
    if (!r.ok) {
      await interaction.editReply({ content: `Nothing removed: ${r.reason}`, components: [], allowedMentions: NO_MENTIONS });
      return;
    }
    log.info({ by: who, id, title: r.removed.title, source: r.removed.source, url: r.removed.url }, 'document removed');
    let indexed = 'The index is updated.';
    try {
      await ctx.engine.reindex();
    } catch (err) {
      log.warn({ err, id }, 'reindex after a removal failed');
      indexed = err instanceof ReindexBusyError ? 'A reindex is running; the document leaves the index with the next one.' : 'The index could not be updated now; the next reindex removes it.';
    }
    await interaction.editReply({ content: `Removed ${storedDocumentLine(r.removed)}\n${indexed}`, components: [], allowedMentions: NO_MENTIONS });
  },
};
