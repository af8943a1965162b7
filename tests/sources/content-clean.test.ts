import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cleanContent } from '../../src/sources/content-clean.js';
import { domText } from '../../src/sources/dom-text.js';
import type { DomElement } from '../../src/sources/dom-types.js';

const PARA = 'De Franse troepen verlaten Mali na negen jaar, zei de regering donderdag in Parijs.';

function clean(body: string, meta = { title: 'Frankrijk trekt zich terug', author: 'Anna de Vries', site: 'De Dagkrant' }): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="c">${body}</div></body></html>`);
  const content = document.getElementById('c') as unknown as DomElement;
  cleanContent(content, meta);
  return domText(content);
}

describe('cleanContent', () => {
  it('drops captions, photo credits and one-word labels, keeps the paragraphs', () => {
    const text = clean(`<figure><img src="x.jpg"><figcaption>Soldaten in Gao (Foto: AFP)</figcaption></figure><p>Photo: John Doe / AP</p><p>Advertentie</p><p>${PARA}</p>`);
    expect(text).toBe(PARA);
  });

  it('drops lines that repeat the headline, the byline or a dateline, in several languages', () => {
    const text = clean(
      `<p>Frankrijk trekt zich terug</p><p>Door Anna de Vries · 17 februari 2022</p><p>Publié le 15 août 2022</p><p>PUBLISHED: 10:48, Tue, Nov 19, 2019</p><p>${PARA}</p>`,
    );
    expect(text).toBe(PARA);
  });

  it('keeps a quoted tweet signature and short subheadings', () => {
    const text = clean(`<h2>Geen einde</h2><p>${PARA}</p><p>— Digital Foundry (@digitalfoundry) November 18, 2019</p>`);
    expect(text).toBe(`Geen einde\n\n${PARA}\n\n— Digital Foundry (@digitalfoundry) November 18, 2019`);
  });

  it('drops lists of links and share widgets but not a paragraph with a link in it', () => {
    const text = clean(
      `<p>${PARA} <a href="/x">Lees meer over Barkhane</a> in ons dossier.</p><ul><li><a href="/a">Wagner in Afrika</a></li><li><a href="/b">Sahel in crisis</a></li></ul><div class="social-share">Deel dit artikel op Facebook</div>`,
    );
    expect(text).toBe(`${PARA} Lees meer over Barkhane in ons dossier.`);
  });

  it('keeps tables whole', () => {
    const text = clean(`<p>${PARA}</p><table><tr><td>Gao</td><td>2022</td></tr></table>`);
    expect(text).toContain('Gao');
  });
});
