import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { analyseHtml } from '/work/wt/web/src/sources/html.ts';
import { shingleMatch } from '/work/wt/web/src/bench/extraction-score.ts';
import { decodeHtml } from '/work/wt/web/src/sources/charset.ts';
import { wordCount } from '/work/wt/web/src/sources/not-article.ts';
const dir = '/work/shared/extraction/article-extraction-benchmark';
const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, 'utf8'));
let n=0;
for (const id of Object.keys(truth)) {
  const html = decodeHtml(gunzipSync(readFileSync(`${dir}/html/${id}.html.gz`)), null).text;
  const { meta, body } = analyseHtml(html);
  if (!meta.articleBody) continue; n++;
  const f = (x: string) => { const [tp, fp, fn] = shingleMatch(truth[id].articleBody, x); const p = tp/(tp+fp||1), r = tp/(tp+fn||1); return `p${p.toFixed(2)} r${r.toFixed(2)}`; };
  const { articleBodyText } = await import('/work/wt/web/src/sources/html.ts');
  const ld = articleBodyText(meta.articleBody);
  console.log(id.slice(0,8), body.source.padEnd(11), 'rd', f(body.readabilityText), wordCount(body.readabilityText), ' ld', f(ld), wordCount(ld));
}
console.log(n);
