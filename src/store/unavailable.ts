import { userHasher } from './user-hash.js';
import type { Store } from './types.js';

/** A write or read of a store that could not be opened (already reported once, at start). */
export class StoreUnavailableError extends Error {
  constructor(reason: string) {
    super(`the store is unavailable: ${reason}`);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * A store that could not be opened (no space, no permission): answers still go out, every write
 * and read rejects with the reason, so logging warns, /stats explains, and nothing is recorded.
 */
export function unavailableStore(reason: string): Store {
  const fail = async (): Promise<never> => {
    throw new StoreUnavailableError(reason);
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
    feeds: {
      lease: fail,
      add: fail,
      list: fail,
      get: fail,
      remove: fail,
      seen: fail,
      recordPoll: fail,
      fingerprints: fail,
      putFingerprints: fail,
      addedPerDay: fail,
    },
    answers: { record: fail, stats: fail },
    votes: { record: fail },
    discord: { put: fail, get: fail },
    autoAnswer: { enable: fail, disable: fail, get: fail, list: fail, claimPost: fail },
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
