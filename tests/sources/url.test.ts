import { describe, expect, it } from 'vitest';
import { articleKey, canonicalKey, cleanUrl } from '../../src/sources/index.js';

describe('canonicalKey', () => {
  const key = 'lemonde.example/afrique/article/2022/08/15/barkhane_123.html';
  it.each([
    'https://www.lemonde.example/afrique/article/2022/08/15/barkhane_123.html',
    'http://lemonde.example/afrique/article/2022/08/15/barkhane_123.html',
    'https://www.lemonde.example/afrique/article/2022/08/15/barkhane_123.html?utm_source=twitter&utm_medium=social',
    'https://www.lemonde.example/afrique/article/2022/08/15/barkhane_123.html?fbclid=IwAR0abc&gclid=xyz#comments',
    'https://amp.lemonde.example/afrique/article/2022/08/15/barkhane_123.html',
    'https://www.lemonde.example/amp/afrique/article/2022/08/15/barkhane_123.html',
    'https://www.lemonde.example/afrique/article/2022/08/15/barkhane_123.html?amp',
    'https://www.lemonde.example/afrique/article/2022/08/15/barkhane_123.amp.html',
    'https://WWW.LEMONDE.EXAMPLE/afrique/article/2022/08/15/barkhane_123.html',
  ])('gives %s the key of the article', (url) => {
    expect(canonicalKey(url)).toBe(key);
  });

  it('drops a trailing slash and a trailing /amp', () => {
    expect(canonicalKey('https://nos.example/artikel/2417-mali/')).toBe('nos.example/artikel/2417-mali');
    expect(canonicalKey('https://nos.example/artikel/2417-mali/amp/')).toBe('nos.example/artikel/2417-mali');
  });

  it('keeps parameters that choose the article, in a stable order', () => {
    expect(canonicalKey('https://x.example/view?page=2&id=7&utm_campaign=a')).toBe('x.example/view?id=7&page=2');
    expect(canonicalKey('https://x.example/view?id=8')).not.toBe(canonicalKey('https://x.example/view?id=7'));
  });

  it('has no key for what is not a web address', () => {
    expect(canonicalKey('file:///etc/passwd')).toBeNull();
    expect(canonicalKey('not a url')).toBeNull();
  });
});

describe('articleKey', () => {
  it("uses the page's canonical link", () => {
    expect(articleKey('https://m.site.example/s/abc', 'https://www.site.example/news/mali-2022')).toBe('site.example/news/mali-2022');
  });

  it('ignores a canonical link that points at the home page', () => {
    expect(articleKey('https://site.example/news/mali-2022', 'https://site.example/')).toBe('site.example/news/mali-2022');
  });
});

describe('cleanUrl', () => {
  it('removes tracking parameters and the fragment, keeping the rest', () => {
    expect(cleanUrl('https://www.site.example/a?id=3&utm_source=x#top')).toBe('https://www.site.example/a?id=3');
  });
});
