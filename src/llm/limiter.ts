/** Releases a slot taken from a Limiter; calling it twice is harmless. */
export type Release = () => void;

/** At most `max` holders at once; waiters are served first come, first served. */
export interface Limiter {
  /** Waits for a free slot; rejects with the signal's reason if aborted while queued. */
  acquire(signal?: AbortSignal): Promise<Release>;
  /** Holders now. */
  readonly active: number;
  /** Waiters now. */
  readonly queued: number;
}

/** Creates a FIFO concurrency limiter. */
export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${max}`);
  let active = 0;
  const waiters: Array<() => void> = [];

  const releaser = (): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiters.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot jump the queue.
      if (next) next();
      else active--;
    };
  };

  return {
    get active() {
      return active;
    },
    get queued() {
      return waiters.length;
    },
    acquire(signal?: AbortSignal): Promise<Release> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < max) {
        active++;
        return Promise.resolve(releaser());
      }
      return new Promise<Release>((resolve, reject) => {
        const onAbort = () => {
          const i = waiters.indexOf(grant);
          if (i !== -1) waiters.splice(i, 1);
          reject(signal?.reason);
        };
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(releaser());
        };
        waiters.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
