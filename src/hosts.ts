/**
 * What a host needs when several share one store (PostgreSQL): its index follows the store's
 * revision (a NOTIFY from any host, a reconnect, and a periodic check bring in the documents changed
 * since the revision it serves), and a reindex runs on one host at a time.
 */
import { ReindexBusyError, type Engine } from './engine.js';
import type { Logger } from './logger.js';
import type { Store } from './store/types.js';

/** How often a host checks the store's revision even without a notification (default 30 s). */
export const CATCH_UP_EVERY_MS = 30_000;

/**
 * The engine with its index following the store (when the store is shared) and its reindex
 * exclusive across hosts; closing it stops following. An unshared store returns the engine as it is.
 */
export function sharedStoreEngine(engine: Engine, store: Store, logger: Logger, options: { follow: boolean; everyMs?: number }): Engine {
  const exclusive = store.exclusiveReindex?.bind(store);
  const reindex: Engine['reindex'] = exclusive
    ? (options) =>
        exclusive(() => engine.reindex(options)).catch((err: unknown) => {
          if ((err as Error)?.name === 'ReindexHeldError') throw new ReindexBusyError((err as Error).message);
          throw err;
        })
    : (options) => engine.reindex(options);
  if (!options.follow || !store.followRevisions || !engine.refresh) return { ...engine, reindex };

  let running: Promise<void> | null = null;
  let again = false;
  const refresh = engine.refresh.bind(engine);
  /** One refresh at a time; notifications during one lead to one more after it. */
  const catchUp = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const report = await refresh();
          if (report) logger.info({ ...report }, 'applied documents changed on another host');
        } catch (err) {
          logger.warn({ err }, 'could not apply documents changed on another host; the next notification or check tries again');
        }
      } while (again);
    })().finally(() => (running = null));
  };
  const watch = store.followRevisions(catchUp);
  const timer = setInterval(catchUp, options.everyMs ?? CATCH_UP_EVERY_MS);
  timer.unref();
  return {
    ...engine,
    reindex,
    async close() {
      clearInterval(timer);
      await watch.stop();
      await running?.catch(() => undefined);
      await engine.close();
    },
  };
}
