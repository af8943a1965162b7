/**
 * The bot's feed polling: every minute (or every FEED_POLL_MINUTES when shorter) the feeds that are
 * due are polled; a poll still running when the next tick comes is not doubled. Each feed's own
 * schedule (FEED_POLL_MINUTES, or its back-off after failures) decides when it is due.
 */
import type { Logger } from '../../logger.js';
import type { FeedService } from './service.js';

export interface FeedPolling {
  stop(): void;
}

export function startFeedPolling(service: Pick<FeedService, 'poll'>, options: { readonly intervalMs: number; readonly logger: Logger; readonly firstAfterMs?: number }): FeedPolling {
  const tickMs = Math.min(60_000, options.intervalMs);
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = service
      .poll()
      .then((report) => {
        if (report.feeds.length > 0) options.logger.info({ feeds: report.feeds.length, added: report.added, ...report.timings }, 'feed poll done');
      })
      .catch((err: unknown) => options.logger.warn({ err }, 'feed poll failed; the next tick tries again'))
      .finally(() => {
        running = null;
      });
  };
  // unref: polling never keeps a stopping process alive.
  const first = setTimeout(tick, options.firstAfterMs ?? 5_000).unref();
  const timer = setInterval(tick, tickMs).unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
