/**
 * Writes held in memory while the database is out of reach: answer records and votes are queued
 * (bounded), written in order once it is back, and any dropped because the queue was full are
 * counted. Used by the PostgreSQL store; a write that fails for another reason rejects as before.
 */
import type { Logger } from '../logger.js';
import type { PendingWrites } from './types.js';

export interface WriteQueueOptions {
  /** Most writes held (default 10,000); further ones are dropped and counted. */
  readonly max?: number;
  /** How often a non-empty queue tries the database again (default 2 s). */
  readonly retryEveryMs?: number;
  /** True when the error means "unreachable for now" (queue), false for a failed write (reject). */
  readonly isOutage: (err: unknown) => boolean;
  readonly logger?: Logger;
}

/** One write: what it is (for the log) and how to make it. */
interface Write {
  readonly what: string;
  readonly run: () => Promise<void>;
}

export interface WriteQueue {
  /**
   * Writes now, or queues the write when the database is unreachable (or older writes are still
   * waiting, to keep their order). 'queued' means it will be written once the database is back.
   */
  write(what: string, run: () => Promise<void>): Promise<'written' | 'queued'>;
  /** Writes what is queued, in order, stopping at the first outage; the number written. */
  flush(): Promise<number>;
  pending(): PendingWrites;
  /** Stops retrying; what is still queued is reported as lost. */
  close(): void;
}

export function createWriteQueue(options: WriteQueueOptions): WriteQueue {
  const max = options.max ?? 10_000;
  const queue: Write[] = [];
  let dropped = 0;
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<number> | undefined;
  let closed = false;

  const schedule = () => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush().finally(() => {
        if (queue.length > 0) schedule();
      });
    }, options.retryEveryMs ?? 2000);
    // A finished command is not kept alive by the retry; close() reports what was left.
    timer.unref();
  };

  const enqueue = (w: Write) => {
    if (queue.length >= max) {
      dropped++;
      options.logger?.error({ what: w.what, dropped, queued: queue.length }, 'the database is unreachable and the queue of unwritten records is full: this record is dropped');
      return;
    }
    if (queue.length === 0) options.logger?.warn({ what: w.what }, 'the database is unreachable: holding answer records and votes in memory until it is back');
    queue.push(w);
    schedule();
  };

  const flushOnce = async (): Promise<number> => {
    let written = 0;
    while (queue.length > 0) {
      const head = queue[0]!;
      try {
        await head.run();
        written++;
      } catch (err) {
        if (options.isOutage(err)) break;
        // The database refused this one record (not an outage): counted as dropped.
        dropped++;
        options.logger?.error({ err, what: head.what, dropped }, 'a queued record could not be written and is dropped');
      }
      queue.shift();
    }
    if (written > 0) options.logger?.info({ written, queued: queue.length, dropped }, queue.length === 0 ? 'the database is back: every held record is written' : 'the database is back: writing held records');
    return written;
  };

  const flush = (): Promise<number> => {
    flushing ??= flushOnce().finally(() => (flushing = undefined));
    return flushing;
  };

  return {
    async write(what, run) {
      if (closed) throw new Error('the store is not open');
      if (queue.length > 0) {
        enqueue({ what, run });
        return 'queued';
      }
      try {
        await run();
        return 'written';
      } catch (err) {
        if (!options.isOutage(err)) throw err;
        enqueue({ what, run });
        return 'queued';
      }
    },
    flush,
    pending: () => ({ queued: queue.length, dropped }),
    close() {
      closed = true;
      clearTimeout(timer);
      if (queue.length > 0) options.logger?.error({ lost: queue.length, dropped }, 'closing with records the database never received: they are lost');
    },
  };
}
