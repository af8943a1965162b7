import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addCommand } from '../../src/cli/add.js';
import { askCommand } from '../../src/cli/ask.js';
import { dirsApp, tempDirs, trackApps } from '../helpers/corpus-dirs.js';
import { captureIo } from '../helpers/io.js';
import { page, redirect, send, startWebServer, type WebServer } from '../helpers/web-server.js';

const HTML = 'text/html; charset=utf-8';
const CANONICAL = 'https://www.dagkrant.example/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali';
const track = trackApps(afterEach);

let server: WebServer;
beforeAll(async () => {
  server = await startWebServer({
    '/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali': send(page('nl-artikel.html'), HTML),
    '/amp/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali': send(page('nl-artikel-amp.html'), HTML),
    '/oud/mali-artikel': redirect('/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali'),
    '/buitenland/bestaat-niet': send(page('not-found-200.html'), HTML),
  });
});
afterAll(() => server.close());

describe('npm run add -- <url>', () => {
  it('adds a page behind a redirect with its own title, date and outlet; ask then cites it with its link', async () => {
    const app = track(await dirsApp(await tempDirs(), { env: { FETCH_ALLOW_PRIVATE: 'on' } }));
    let io = captureIo();
    expect(await addCommand(app, ['--json', `${server.origin}/oud/mali-artikel`], io)).toBe(0);
    const added = JSON.parse(io.stdout);
    expect(added).toMatchObject({ title: 'Frankrijk trekt troepen terug uit Mali', date: '2022-02-17', datePrecision: 'day', url: CANONICAL, site: 'De Dagkrant', author: 'Anna de Vries', lang: 'nl' });
    expect(added).not.toHaveProperty('duplicateOf');
    io = captureIo();
    await askCommand(app, ['--json', 'Vanuit welk land gaat de strijd tegen jihadisten door?'], io);
    const answer = JSON.parse(io.stdout);
    expect(answer.citations.find((c: { docId: string }) => c.docId === added.id)).toMatchObject({ url: CANONICAL, site: 'De Dagkrant', title: 'Frankrijk trekt troepen terug uit Mali' });
    // The AMP copy names the same canonical address: one document, not two.
    io = captureIo();
    await addCommand(app, ['--json', `${server.origin}/amp/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali`], io);
    expect(JSON.parse(io.stdout)).toMatchObject({ id: added.id, duplicateOf: added.id });
    expect(await app.store.documents.count({ source: 'url' })).toBe(1);
  });

  it('refuses a private address without FETCH_ALLOW_PRIVATE, and a 404 page served with 200, storing nothing', async () => {
    const app = track(await dirsApp(await tempDirs()));
    let io = captureIo();
    expect(await addCommand(app, [`${server.origin}/oud/mali-artikel`], io)).toBe(1);
    expect(io.stderr).toMatch(/refused: 127\.0\.0\.1 is a private address.*set FETCH_ALLOW_PRIVATE=on/);
    const allowed = track(await dirsApp(await tempDirs(), { env: { FETCH_ALLOW_PRIVATE: 'on' } }));
    io = captureIo();
    expect(await addCommand(allowed, [`${server.origin}/buitenland/bestaat-niet`], io)).toBe(1);
    expect(io.stderr).toMatch(/^refused: /);
    expect(await allowed.store.documents.count({ source: 'url' })).toBe(0);
  });

  it('--dry-run prints what would be stored and stores nothing', async () => {
    const app = track(await dirsApp(await tempDirs(), { env: { FETCH_ALLOW_PRIVATE: 'on' } }));
    const io = captureIo();
    expect(await addCommand(app, ['--dry-run', `${server.origin}/oud/mali-artikel`], io)).toBe(0);
    expect(io.stdout).toMatch(/^Would add "Frankrijk trekt troepen terug uit Mali" \(De Dagkrant, 2022-02-17\) as url_[0-9a-f]{16}; nothing was stored/);
    expect(await app.store.documents.count({ source: 'url' })).toBe(0);
  });
});
