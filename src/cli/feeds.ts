/**
 * `npm run feeds -- add URL | list | remove ID|URL | poll [--json]`: the feeds the bot polls. `add`,
 * `list` and `remove` need only the store; `poll` polls every feed now and indexes what it added.
 */
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Feed } from '../store/index.js';
import type { FeedService, PollReport } from '../sources/feeds/service.js';
import { parseCommandArgs, UsageError } from './args.js';
import { sparkline } from './stats.js';
import type { CliIo } from './io.js';

/** One feed as a line: id, title and address, last poll, and its last error when failing. */
export function renderFeedLine(feed: Feed): string {
  const polled = feed.lastPolledAt ? `last polled ${feed.lastPolledAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'not polled yet';
  const state = feed.lastError ? `FAILING (${feed.failures}× in a row, next try ${feed.nextPollAt.toISOString().slice(11, 16)} UTC): ${feed.lastError}` : 'ok';
  return `#${feed.id} ${feed.title ?? '(untitled)'} <${feed.url}>: ${feed.articlesAdded} articles added, ${polled}, ${state}`;
}

export function renderFeedList(feeds: readonly Feed[]): string {
  if (feeds.length === 0) return 'No feeds yet. Add one with `npm run feeds -- add URL` or /feeds add.';
  return feeds.map(renderFeedLine).join('\n');
}

/** What a poll did, feed by feed. */
export function renderPollReport(report: PollReport): string {
  if (report.feeds.length === 0) return 'No feed to poll.';
  const lines: string[] = [];
  for (const f of report.feeds) {
    const name = `#${f.feedId} ${f.title ?? f.url}`;
    if (f.status === 'failed') lines.push(`${name}: failed: ${f.error}`);
    else if (f.status === 'not-modified') lines.push(`${name}: not modified`);
    else lines.push(`${name}: ${f.added.length} added, ${f.duplicates.length} already in the corpus, ${f.refused.length} refused`);
    for (const a of f.added) lines.push(`  + ${a.id} ${a.title}${a.url ? ` <${a.url}>` : ''}`);
    for (const d of f.duplicates) lines.push(`  = ${d.url ?? '(no address)'} is ${d.of} (${d.kind === 'near' ? 'the same story' : d.kind === 'text' ? 'the same text' : 'the same address'})`);
    for (const r of f.refused) lines.push(`  - ${r.url ?? '(no address)'}: ${r.reason}`);
  }
  lines.push(`${report.added} articles added${report.reindexed ? ' and indexed' : ''}.`);
  return lines.join('\n');
}

const feedJson = (f: Feed) => ({
  ...f,
  addedAt: f.addedAt.toISOString(),
  lastPolledAt: f.lastPolledAt?.toISOString() ?? null,
  lastOkAt: f.lastOkAt?.toISOString() ?? null,
  nextPollAt: f.nextPollAt.toISOString(),
});

const USAGE = 'feeds expects add URL, list, remove ID|URL or poll';

/** Runs one feeds subcommand. `service` is made for it (with the engine only for poll). */
export async function feedsCommand(
  argv: readonly string[],
  io: CliIo,
  service: (needsIndex: boolean) => Promise<{ feeds: FeedService; close: () => Promise<void> }>,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false } });
  const [sub, arg, ...extra] = positionals;
  if (!sub || !['add', 'list', 'remove', 'poll'].includes(sub)) throw new UsageError(USAGE);
  if ((sub === 'add' || sub === 'remove') && (!arg || extra.length > 0)) throw new UsageError(`feeds ${sub} expects one ${sub === 'add' ? 'URL' : 'feed id or URL'}`);
  if ((sub === 'list' || sub === 'poll') && arg) throw new UsageError(`feeds ${sub} takes no arguments, got "${positionals.slice(1).join(' ')}"`);
  const out = (json: unknown, text: string) => io.out(values.json ? `${JSON.stringify(json)}\n` : `${text}\n`);
  const { feeds, close } = await service(sub === 'poll');
  try {
    switch (sub) {
      case 'add': {
        const r = await feeds.add(arg!, 'cli');
        if (!r.ok) {
          if (values.json) io.out(`${JSON.stringify({ error: r.reason })}\n`);
          io.err(`${r.reason}\n`);
          return 1;
        }
        out({ feed: feedJson(r.feed) }, `Added feed #${r.feed.id} ${r.feed.title ?? ''} <${r.feed.url}>; the bot polls it every few minutes (FEED_POLL_MINUTES), or run npm run feeds -- poll.`);
        return 0;
      }
      case 'list': {
        const list = await feeds.list();
        out({ feeds: list.map(feedJson) }, renderFeedList(list));
        return 0;
      }
      case 'remove': {
        const removed = await feeds.remove(arg!);
        if (!removed) {
          if (values.json) io.out(`${JSON.stringify({ error: `no feed ${arg}` })}\n`);
          io.err(`No feed ${arg}; npm run feeds -- list shows them.\n`);
          return 1;
        }
        out({ removed: feedJson(removed) }, `Removed feed #${removed.id} <${removed.url}>; the articles it added stay in the corpus.`);
        return 0;
      }
      default: {
        const report = await feeds.poll({ all: true });
        out(report, renderPollReport(report));
        return report.feeds.some((f) => f.status === 'failed') ? 1 : 0;
      }
    }
  } finally {
    await close();
  }
}

/** Builds what `feeds` needs: the store alone for add/list/remove, the whole app for poll. */
export async function runFeedsCommand(config: Config, logger: Logger, argv: readonly string[], io: CliIo): Promise<number> {
  return feedsCommand(argv, io, async (needsIndex) => {
    if (needsIndex) {
      const { createApp } = await import('../app.js');
      const app = await createApp({ config, logger });
      // engine.close() first: it waits for the index save a poll leaves running.
      return {
        feeds: app.feeds,
        close: async () => {
          await app.engine.close();
          await app.store.close();
        },
      };
    }
    const { openAppStore } = await import('../app.js');
    const { configuredFeedService } = await import('../sources/feeds/app-io.js');
    const store = await openAppStore(config, logger);
    const feeds = configuredFeedService({
      config,
      logger,
      feeds: store.feeds,
      documents: store.documents,
      reindex: async () => {
        throw new Error('indexing needs the whole app');
      },
    });
    return { feeds, close: () => store.close() };
  });
}

/** Articles added to the corpus per day (every source, feeds among them), for /stats and `npm run stats`. */
export function renderAddedPerDay(rows: readonly { readonly day: string; readonly added: number; readonly fromFeeds: number }[], options: { readonly markdown?: boolean } = {}): string {
  const md = options.markdown ?? false;
  const total = rows.reduce((n, r) => n + r.added, 0);
  const fromFeeds = rows.reduce((n, r) => n + r.fromFeeds, 0);
  const most = Math.max(0, ...rows.map((r) => r.added));
  const line = `${md ? '`' : ''}${sparkline(rows.map((r) => r.added))}${md ? '`' : ''}`;
  const recent = rows.filter((r) => r.added > 0).slice(-7).map((r) => `${r.day.slice(5)} ${r.added}`).join(' · ');
  return `Articles added: ${total} (${fromFeeds} from feeds) · per day ${line} (most ${most} a day)${recent ? `\nLast days with new articles: ${recent}` : ''}`;
}
