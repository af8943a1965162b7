/**
 * How long a feed poll takes to make 20 new articles answerable in a large corpus: the seeds among N
 * OrangeSum articles as a folder (the store and index built once, kept under --dir), then a feed of 20
 * further articles served on 127.0.0.1 is polled (fetch, extraction, duplicate checks against every
 * stored article, one store change, the engine's incremental reindex), and one of them is asked for.
 * A second feed of 20 more measures a poll once the near-duplicate signatures are in memory.
 *
 *   node --import tsx scripts/bench-feed-poll.ts [--articles 30000] [--dir DIR] [CORPUS.jsonl.gz]
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { readJsonlGzArticles, type Article } from '../src/bench/articles.js';
import { fixGluedSentences } from '../src/bench/glue.js';
import { writeHaystackCorpus } from '../src/bench/write-corpus.js';
import { loadConfig } from '../src/config.js';
import { ReindexBusyError } from '../src/engine.js';

const REPO = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const count = Number(option('--articles') ?? 30000);
const corpus =
  args.find((a, i) => a.endsWith('.gz') && !args[i - 1]?.startsWith('--')) ??
  [path.resolve(REPO, '../shared/corpora/orangesum-fr.jsonl.gz'), '/work/shared/corpora/orangesum-fr.jsonl.gz'].find(existsSync);
if (!corpus) throw new Error('needs the OrangeSum corpus: pass CORPUS.jsonl.gz or put ../shared/corpora beside the clone');
const dir = option('--dir') ?? (await mkdtemp(path.join(tmpdir(), 'griot-feed-poll-')));
const corpusDir = path.join(dir, 'corpus');
const dataDir = path.join(dir, 'data');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

if (!existsSync(corpusDir)) {
  const t = performance.now();
  await writeHaystackCorpus(corpusDir, path.join(REPO, 'seeds'), corpus, count);
  console.log(`wrote ${count} articles and the seeds to ${corpusDir} in ${s(performance.now() - t)}`);
}
await mkdir(dataDir, { recursive: true });

// The 40 articles after the corpus's: two feeds of 20, never in the folder.
const fresh: Article[] = [];
let n = 0;
for await (const a of readJsonlGzArticles(corpus)) {
  if (n++ < count) continue;
  if (a.title && a.text.length > 1200) fresh.push(a);
  if (fresh.length === 40) break;
}
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = (a: Article) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(a.title!)}</title><meta property="og:type" content="article">
<meta property="og:site_name" content="Actu"><meta property="article:published_time" content="${a.date ?? '2020-07-01'}T10:00:00+02:00"></head>
<body><article><h1>${esc(a.title!)}</h1>${fixGluedSentences(a.text).split(/(?<=[.!?])\s+(?=\p{Lu})/u).map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`;
const rss = (items: Article[], origin: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Actu</title><link>${origin}/</link><description>x</description>${items
    .map((a) => `<item><title>${esc(a.title!)}</title><link>${origin}/a/${a.id}</link><guid>${a.id}</guid></item>`)
    .join('')}</channel></rss>`;
const byId = new Map(fresh.map((a) => [a.id, a]));
const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  if (url === '/one.xml' || url === '/two.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(url === '/one.xml' ? fresh.slice(0, 20) : fresh.slice(20, 40), origin));
    return;
  }
  const a = byId.get(url.replace('/a/', ''));
  if (a) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(a));
  else res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, FETCH_ALLOW_PRIVATE: 'on', LOG_LEVEL: 'silent' });
let t = performance.now();
// Info logs collected: the reindex a poll triggers logs its own duration.
const logs: { msg: string; durationMs?: number }[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
const app = await createApp({ config, logger, progress: null });
console.log(`app ready (index ${app.engine.documents().length} documents) in ${s(performance.now() - t)}`);

// Feeds left by an earlier run (other ports) are removed: only this run's feeds are polled.
for (const old of await app.feeds.list()) await app.feeds.remove(String(old.id));
// …and so are the articles they added, so this run's feeds add them again.
const leftover = (await app.store.documents.list({ source: 'feed' })).map((d) => d.id);
if (leftover.length > 0) {
  await app.store.documents.apply({ remove: leftover });
  await app.engine.reindex();
}
const sentenceOf = (a: Article) => fixGluedSentences(a.text).split(/(?<=[.!?])\s+(?=\p{Lu})/u).find((x, i) => i >= 1 && x.length > 60) ?? a.title!;
const freshById = new Map(fresh.map((a) => [a.id, a]));

for (const [feed, label] of [['/one.xml', 'first poll (near-duplicate signatures computed or read)'], ['/two.xml', 'second poll (signatures in memory)']] as const) {
  const following = await app.feeds.add(`${origin}${feed}`, 'bench');
  if (!following.ok) throw new Error(following.reason);
  t = performance.now();
  const report = await app.feeds.poll();
  const pollMs = performance.now() - t;
  const ids = report.feeds.flatMap((f) => f.added.map((a) => a.id));
  const reindexMs = logs.filter((l) => l.msg === 'reindexed after a feed poll').at(-1)?.durationMs ?? NaN;
  const polled = report.feeds.find((f) => f.feedId === following.feed.id)!;
  const added = polled.added;
  if (added.length === 0) {
    console.log(`${label}: nothing added in ${s(pollMs)}:`, JSON.stringify(polled).slice(0, 2000));
    continue;
  }
  const target = added[Math.min(7, added.length - 1)]!;
  t = performance.now();
  const answer = await app.engine.ask(target.title);
  const askMs = performance.now() - t;
  // Answerable: a sentence of each new article, asked as a query, finds it in the top 3.
  const entryOf = (a: { url: string | null }) => freshById.get(a.url?.split('/a/')[1] ?? '');
  const found = added.filter((a) => {
    const source = entryOf(a);
    return source !== undefined && app.engine.search(sentenceOf(source), { limit: 3 }).some((h) => h.doc.id === a.id);
  }).length;
  console.log(
    `${label}: ${ids.length} added (${polled.duplicates.length} duplicates: ${polled.duplicates.map((d) => d.kind).join(', ') || 'none'}; ${polled.refused.length} refused) in ${s(pollMs)} ` +
      `(store caught up ${s(report.timings.syncMs)}, feeds and pages read ${s(report.timings.feedsMs)}, reindex ${s(report.timings.reindexMs)}, of which the engine's ${s(reindexMs)}), index now ${app.engine.documents().length} documents; ` +
      `asking for one by its title: ${s(askMs)}, ${answer.citations.some((c) => c.docId === target.id) ? 'cited' : answer.refused ? 'refused' : 'not cited'}; ` +
      `${found}/${added.length} found in the top 3 by one of their sentences; poll + answer ${s(pollMs + askMs)}`,
  );
  // The poll returned at the swap; its index save goes on. The bot polls minutes apart: the next poll
  // here waits for that save first (a reindex of the unchanged store, refused while the save runs).
  t = performance.now();
  for (;;) {
    try {
      await app.engine.reindex();
      break;
    } catch (err) {
      if (!(err instanceof ReindexBusyError)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  console.log(`  its index save (in the background) over, and a no-change reindex run, ${s(performance.now() - t)} after the poll returned and the answer`);
}
await app.engine.close();
await app.store.close();
server.close();
console.log(`kept under ${dir} (pass --dir ${dir} to measure again without rebuilding)`);
