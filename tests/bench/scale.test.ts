import { describe, expect, it } from 'vitest';
import { articleFile } from '../../src/bench/scale/corpus-dir.js';
import { checkScaleTargets, renderScale } from '../../src/bench/scale/render.js';
import { longQueries, type ScaleRow } from '../../src/bench/scale/run.js';
import type { LatencySummary } from '../../src/bench/percentile.js';

const lat = (p50: number): LatencySummary => ({ n: 10, p50, p95: p50 * 2, p99: p50 * 3, mean: p50 });

function row(articles: number, warmMs: number, reindexMs: number): ScaleRow {
  return {
    articles,
    firstBuild: { ms: 60_000, cpuMs: 50_000, maxRssBytes: 900e6, stdout: '' },
    warmStartsMs: [warmMs, warmMs + 200],
    warmStartsCpuMs: [1000, 1100],
    warmStartMaxRssBytes: 500e6,
    serving: {
      startMs: 1,
      firstAnswerMs: 1,
      passages: 100_000,
      documents: articles,
      events: 0,
      rssBytes: 600 * 1024 * 1024,
      heapUsedBytes: 1,
      questions: lat(3),
      long: lat(25),
      reindexMs,
      reindexCpuMs: reindexMs,
      reindexChanged: 1,
      rssAfterReindexBytes: 1,
      maxRssBytes: 700e6,
    },
  };
}

describe('articleFile', () => {
  it('writes the date header and repairs sentences glued across paragraphs', () => {
    expect(articleFile({ id: 'orangesum-12', date: '2019-03-02', text: 'Il pleut.Consternant' })).toEqual({
      name: 'orangesum-12.txt',
      body: ' date 2019-03-02 Il pleut. Consternant\n',
    });
  });
});

describe('longQueries', () => {
  it('takes first sentences of five words or more from the articles after the indexed ones', () => {
    const articles = [
      { id: 'a', text: 'Indexé et donc jamais une requête. Suite.' },
      { id: 'b', text: 'Trop court. Suite.' },
      { id: 'c', text: 'Une phrase assez longue pour compter ici. Suite.' },
    ];
    expect(longQueries(articles, 1, 5)).toEqual(['Une phrase assez longue pour compter ici.']);
  });
});

describe('checkScaleTargets', () => {
  it('checks warm start, reindex and memory at the sizes they apply to, and search at the largest', () => {
    const checks = checkScaleTargets([row(5000, 1500, 900), row(30_000, 6000, 4000)]);
    const byWhat = Object.fromEntries(checks.map((c) => [`${c.articles} ${c.what.split(' (')[0]}`, c.met]));
    expect(byWhat).toEqual({
      '5000 warm start to first answer': true,
      '30000 warm start to first answer': false,
      '30000 first build': true,
      '30000 one-article reindex': true,
      '30000 serving resident memory': true,
      '30000 question search p50': true,
      '30000 long-query search p50': false,
    });
    expect(renderScale([row(30_000, 6000, 4000)], 'header')).toContain('NOT MET: 30,000 articles, warm start to first answer 6.10 s');
  });
});

describe('the scale bench with the store on PostgreSQL', () => {
  it('checks and prints the time from a change on another host to the article found here', () => {
    const base = row(30_000, 3000, 1500);
    const slow: ScaleRow = { ...base, serving: { ...base.serving, crossHostMs: 2600 } };
    expect(checkScaleTargets([slow]).find((c) => c.what.startsWith('one article added on another host'))).toMatchObject({ met: false, measured: '2.60 s' });
    expect(renderScale([slow], 'header')).toContain('one article added by another host found by this host\'s search after 2.60 s');
    // On SQLite (no other host) there is nothing to check.
    expect(checkScaleTargets([base]).some((c) => c.what.startsWith('one article added on another host'))).toBe(false);
  });
});
