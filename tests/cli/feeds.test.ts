import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDirs, tempDirs } from '../helpers/corpus-dirs.js';
import { npmRun } from '../helpers/npm.js';
import { send, startWebServer, type WebServer } from '../helpers/web-server.js';
import { articlePage, rss } from '../sources/feeds/fixtures.js';

const ARTICLE =
  'Het Malinese leger heeft de basis van Tessalit overgenomen nadat de Franse troepen er vertrokken. ' +
  'De overdracht gebeurde volgens de Franse generale staf zonder incidenten. '.repeat(4) +
  '\n\nIn Tessalit bleven ongeveer tweehonderd Malinese soldaten achter om de landingsbaan te bewaken. '.repeat(4);

let web: WebServer;
let dirs: { corpusDir: string; dataDir: string };
beforeAll(async () => {
  web = await startWebServer({
    '/rss.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"a"' });
      res.end(rss('Het Dagblad', [{ guid: 'tessalit', link: `${web.origin}/artikel/tessalit`, title: 'Malinees leger neemt Tessalit over', date: '2021-12-14T10:00:00Z' }]));
    },
    '/artikel/tessalit': send(articlePage('Malinees leger neemt Tessalit over', ARTICLE, '2021-12-14T10:00:00Z'), 'text/html; charset=utf-8'),
  });
  dirs = await tempDirs();
});
afterAll(async () => {
  await web.close();
  await removeDirs(dirs);
});

describe('npm run feeds', () => {
  const env = () => ({ CORPUS_DIR: dirs.corpusDir, FETCH_ALLOW_PRIVATE: 'on' });

  it('adds a feed, polls it into the corpus (answerable by npm run ask), lists it, and removes it', async () => {
    const added = await npmRun('feeds', ['add', `${web.origin}/rss.xml`, '--json'], dirs.dataDir, env());
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ feed: { id: 1, url: `${web.origin}/rss.xml`, title: 'Het Dagblad' } });

    const polled = await npmRun('feeds', ['poll', '--json'], dirs.dataDir, env());
    expect(polled.code).toBe(0);
    const report = JSON.parse(polled.stdout);
    expect(report).toMatchObject({ added: 1, reindexed: true, feeds: [{ status: 'updated', added: [{ title: 'Malinees leger neemt Tessalit over' }] }] });
    const docId = report.feeds[0].added[0].id as string;

    const again = await npmRun('feeds', ['poll'], dirs.dataDir, env());
    expect(again.stdout).toMatch(/#1 Het Dagblad: 0 added/);

    const asked = await npmRun('ask', ['--json', 'Hoeveel Malinese soldaten bleven achter in Tessalit?'], dirs.dataDir, env());
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout).citations.map((c: { docId: string }) => c.docId)).toContain(docId);

    const listed = await npmRun('feeds', ['list'], dirs.dataDir, env());
    expect(listed.stdout).toMatch(/^#1 Het Dagblad <http:\/\/127\.0\.0\.1:\d+\/rss\.xml>: 1 articles added, last polled .* ok$/m);

    const removed = await npmRun('feeds', ['remove', '1'], dirs.dataDir, env());
    expect(removed.stdout).toMatch(/Removed feed #1/);
    expect(JSON.parse((await npmRun('feeds', ['list', '--json'], dirs.dataDir, env())).stdout)).toEqual({ feeds: [] });
  }, 240_000);

  it('says what is wrong with a bad subcommand or a page that is not a feed', async () => {
    const bad = await npmRun('feeds', ['follow'], dirs.dataDir, env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/feeds expects add URL, list, remove ID\|URL or poll/);
    const page = await npmRun('feeds', ['add', `${web.origin}/artikel/tessalit`], dirs.dataDir, env());
    expect(page.code).toBe(1);
    expect(page.stderr).toMatch(/is text\/html/);
  }, 120_000);
});
