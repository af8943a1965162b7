import { describe, expect, it, afterEach } from 'vitest';
import { answerJson, hitsJson } from '../../src/cli/render.js';
import { addArticle, type ArticleInput } from '../../src/sources/add-article.js';
import { addUpload } from '../../src/sources/upload.js';
import { dirsApp, tempDirs, trackApps } from '../helpers/corpus-dirs.js';

const track = trackApps(afterEach);

const ARTICLE: ArticleInput = {
  title: 'Les derniers soldats de Barkhane quittent Ménaka',
  text: 'Les derniers soldats de Barkhane ont quitté la base de Ménaka mardi.\n\nLe convoi a rejoint Gao sans incident.',
  date: '2022-06-14',
  datePrecision: 'day',
  url: 'https://www.journal.example/afrique/menaka.html',
  site: 'Le Journal',
  author: 'Marie Dupont',
  lang: 'fr',
};

describe('addArticle', () => {
  it('adds an article that the next reindex makes answerable, cited with its link, outlet and own title', async () => {
    const app = track(await dirsApp(await tempDirs()));
    const added = await addArticle(app.store.documents, ARTICLE, { kind: 'url', ref: ARTICLE.url! });
    expect(added).toMatchObject({ ok: true, replaced: false, revision: 2 });
    const report = await app.engine.reindex();
    expect(report.added).toEqual([added.ok ? added.id : '']);
    const answer = await app.engine.ask('Quand les soldats de Barkhane ont-ils quitté Ménaka ?');
    expect(answer.refused).toBe(false);
    const json = answerJson(answer) as { citations: { url: string; site: string; title: string }[] };
    expect(json.citations[0]).toMatchObject({ url: ARTICLE.url, site: 'Le Journal', title: ARTICLE.title });
    const hits = hitsJson('Ménaka', app.engine.search('Ménaka')) as { results: { url: string | null; title: string }[] };
    expect(hits.results[0]).toMatchObject({ url: ARTICLE.url, title: ARTICLE.title });
    // A folder article without a title keeps its first words.
    expect(app.engine.documents().find((d) => d.id === 'alpha')?.title).toBe('Russische huurlingen van Wagner landden in Bamako.');
  });

  it('does not add the same article twice: not at its address, not at another one, not as a near-duplicate', async () => {
    const app = track(await dirsApp(await tempDirs()));
    const docs = app.store.documents;
    const first = await addArticle(docs, ARTICLE, { kind: 'url', ref: ARTICLE.url! });
    if (!first.ok) throw new Error(first.reason);
    expect(await addArticle(docs, ARTICLE, { kind: 'url', ref: ARTICLE.url! })).toMatchObject({ ok: true, id: first.id, duplicateOf: first.id, duplicateBy: 'url' });
    const copy = { ...ARTICLE, url: 'https://other.example/menaka-copy', site: 'Autre' };
    expect(await addArticle(docs, copy, { kind: 'url', ref: copy.url })).toMatchObject({ duplicateOf: first.id, duplicateBy: 'text' });
    expect((await docs.get(first.id))?.alsoAt).toEqual(['https://other.example/menaka-copy']);
    const rewritten = { ...ARTICLE, url: 'https://third.example/m', text: `AFP — ${ARTICLE.text}` };
    const near = async (text: string) => (text.includes('Barkhane ont quitté la base de Ménaka') ? first.id : undefined);
    expect(await addArticle(docs, rewritten, { kind: 'feed', ref: 'feed:1' }, { nearDuplicate: near })).toMatchObject({ duplicateOf: first.id, duplicateBy: 'near-duplicate' });
    expect(await docs.count()).toBe(4);
    await app.engine.reindex();
    const answer = await app.engine.ask('Quand les soldats de Barkhane ont-ils quitté Ménaka ?');
    expect(new Set(answer.citations.map((c) => c.docId)).size).toBe(answer.citations.length);
  });

  it('stores nothing on a dry run, and refuses an empty or oversized text with the reason', async () => {
    const app = track(await dirsApp(await tempDirs()));
    const docs = app.store.documents;
    expect(await addArticle(docs, ARTICLE, { kind: 'url', ref: 'x' }, { dryRun: true })).toMatchObject({ ok: true, revision: 1, document: { title: ARTICLE.title, date: { iso: '2022-06-14', precision: 'day' } } });
    expect(await docs.count()).toBe(3);
    expect(await addArticle(docs, { ...ARTICLE, text: '   ' }, { kind: 'url', ref: 'x' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no text/) });
    expect(await addArticle(docs, ARTICLE, { kind: 'url', ref: 'x' }, { maxBytes: 20 })).toMatchObject({ ok: false, reason: expect.stringMatching(/MAX_DOCUMENT_BYTES/) });
    expect(await docs.revision()).toBe(1);
  });
});

describe('addUpload', () => {
  it('stores an uploaded file under its sanitised name, replaces it when sent again, and refuses a folder document’s id', async () => {
    const app = track(await dirsApp(await tempDirs()));
    const docs = app.store.documents;
    const bytes = new TextEncoder().encode(' date 2022-08 Les derniers soldats de Barkhane ont quitté le Mali par Ménaka.');
    expect(await addUpload(docs, '../../ménaka.txt', bytes, { maxBytes: 1 << 20 })).toMatchObject({ ok: true, id: 'menaka', replaced: false });
    expect(await docs.get('menaka')).toMatchObject({ source: 'upload', sourceRef: 'menaka.txt', date: { iso: '2022-08' } });
    const again = new TextEncoder().encode(' date 2022-08 Les derniers soldats ont quitté Ménaka.');
    expect(await addUpload(docs, 'menaka.txt', again, { maxBytes: 1 << 20 })).toMatchObject({ ok: true, id: 'menaka', replaced: true });
    expect(await addUpload(docs, 'alpha.txt', again, { maxBytes: 1 << 20 })).toMatchObject({ ok: false, reason: expect.stringMatching(/already exists \(folder alpha\.txt\)/) });
    expect(await addUpload(docs, 'photo.txt', new Uint8Array([0x89, 0, 1]), { maxBytes: 1 << 20 })).toMatchObject({ ok: false, reason: expect.stringMatching(/looks binary/) });
  });
});
