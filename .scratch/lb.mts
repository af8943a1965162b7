import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
const dir = '/work/shared/extraction/article-extraction-benchmark/html/';
const f = readdirSync(dir).find(f => f.startsWith(process.argv[2]))!;
const html = gunzipSync(readFileSync(dir + f)).toString('utf8');
const { document } = parseHTML(html);
const c: any = new Readability(document as any, { serializer: (n: any) => n }).parse()!.content;
for (const el of c.querySelectorAll('p, li, h2, h3, h4, h5, h6, div, section, dd, dt, blockquote, figure')) {
  const t = (el.textContent ?? '').replace(/\s+/g, '');
  let linked = 0; for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  if (t.length && linked / t.length > 0.8) console.log(el.tagName, el.children.length, [...el.children].map((x: any) => x.tagName).join(','), (el.textContent ?? '').slice(0, 100).replace(/\s+/g, ' '));
}
