import { userHasher } from './user-hash.js';
import type { Store } from './types.js';

/**
 * A store that could not be opened (no space, no permission): answers still go out, every write
 * and read rejects with the reason, so logging warns, /stats explains, and nothing is recorded.
 */
export function unavailableStore(reason: string): Store {
  const fail = async (): Promise<never> => {
    throw new Error(`the store is unavailable: ${reason}`);
  };
  return {
    documents: {
      storeId: 'unavailable',
      revision: fail,
      list: fail,
      count: fail,
      get: fail,
      getMany: fail,
      findByUrl: fail,
      findByContentHash: fail,
      folderFiles: fail,
      apply: fail,
    },
    answers: { record: fail, stats: fail },
    votes: { record: fail },
    discord: { put: fail, get: fail },
    rateLimits: { take: fail },
    kind: 'sqlite',
    pending: () => ({ queued: 0, dropped: 0 }),
    // Logs still need a pseudonym; without the install's salt it is an unsalted one for this process only.
    hashUser: userHasher('unavailable'),
    problems: [{ message: `the store could not be opened, nothing is logged until it can: ${reason}` }],
    prune: fail,
    async close() {},
  };
}
