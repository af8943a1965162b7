import { add } from './add.js';
import { ask } from './ask.js';
import { documents } from './documents.js';
import { help } from './help.js';
import { reindex } from './reindex.js';
import { sources } from './sources.js';
import { stats } from './stats.js';
import { timeline } from './timeline.js';
import type { Command } from './types.js';

export type { Command } from './types.js';

/** Every slash command, registered by deploy.ts and dispatched by the interaction handler. */
export const commands: readonly Command[] = [ask, sources, timeline, add, documents, reindex, stats, help];
