import { escalate } from './escalate.js';
import { page } from './page.js';
import { removeDocumentButton } from './remove-document.js';
import { sourcesButton } from './sources.js';
import type { ComponentHandler } from './types.js';
import { vote } from './vote.js';

export type { ComponentHandler } from './types.js';

/** Every button handler, by custom id prefix. */
export const components: readonly ComponentHandler[] = [vote, sourcesButton, escalate, page, removeDocumentButton];
