/**
 * The article-extraction benchmark (../shared/extraction/article-extraction-benchmark: 181 news pages, the body a
 * person marked on each, and the scoring of its `evaluate.py`). Runs Griot's extractor and plain Readability.js (on
 * the same linkedom DOM, its own `textContent`) over every page, and scores both the same way as the benchmark.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../sources/charset.js';
import { analyseHtml } from '../sources/html.js';
import { notArticleReason } from '../sources/not-article.js';
import { scorePredictions, type Scores } from './extraction-score.js';

export interface ExtractionBenchResult {
  readonly pages: number;
  /** Griot: Readability on linkedom, paragraph text, and the page's JSON-LD articleBody when it holds the full text. */
  readonly griot: Scores;
  /** The same without the metadata layer: Readability's content, paragraph text only. */
  readonly readabilityParagraphs: Scores;
  /** Plain Readability.js on linkedom: its `textContent`, as the benchmark's readability_js entry. */
  readonly readabilityPlain: Scores;
  /** The benchmark's published output/readability_js.json, scored by this run's scorer (checks the port). */
  readonly readabilityPublished: Scores | null;
  /** Pages whose text came from JSON-LD articleBody. */
  readonly jsonLdBodies: number;
  /** Pages (all of them articles) that the not-article check would have refused: false refusals. */
  readonly refused: readonly { id: string; reason: string }[];
  /** How many pages yielded each piece of metadata. */
  readonly metadata: Readonly<Record<'title' | 'date' | 'author' | 'site' | 'lang' | 'canonical', number>>;
  /** Where dates came from (`json-ld`, `meta`, `time`). */
  readonly dateSources: Readonly<Record<string, number>>;
  /** Per-page texts, for writing output/*.json. */
  readonly outputs: Readonly<Record<'griot' | 'readability_linkedom', Record<string, { articleBody: string }>>>;
}

/** Where the benchmark lives: ../shared beside the clone (CI), or ../../shared beside a folder of worktrees. */
export function defaultExtractionDir(cwd: string): string {
  const candidates = [join(cwd, '..', 'shared'), join(cwd, '..', '..', 'shared')].map((d) => join(d, 'extraction', 'article-extraction-benchmark'));
  return candidates.find((d) => existsSync(join(d, 'ground-truth.json'))) ?? candidates[0]!;
}

export function runExtractionBench(dir: string, onPage?: (done: number, total: number) => void): ExtractionBenchResult {
  if (!existsSync(join(dir, 'ground-truth.json'))) {
    throw new Error(`no extraction benchmark at ${dir} (expected ground-truth.json and html/); pass --dir`);
  }
  const truthJson = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  const ids = Object.keys(truthJson);
  const truth: Record<string, string> = {};
  const griot: Record<string, string> = {};
  const paragraphs: Record<string, string> = {};
  const plain: Record<string, string> = {};
  const refused: { id: string; reason: string }[] = [];
  const metadata = { title: 0, date: 0, author: 0, site: 0, lang: 0, canonical: 0 };
  const dateSources: Record<string, number> = {};
  let jsonLdBodies = 0;

  ids.forEach((id, i) => {
    truth[id] = truthJson[id]?.articleBody ?? '';
    const html = decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))), null).text;

    const { meta, body } = analyseHtml(html);
    griot[id] = body.text;
    paragraphs[id] = body.readabilityText;
    if (body.source === 'json-ld') jsonLdBodies++;
    const reason = notArticleReason({
      text: body.text,
      title: meta.title ?? meta.documentTitle ?? '',
      linkDensity: body.source === 'json-ld' ? 0 : body.linkDensity,
      declaresArticle: meta.declaresArticle,
      ogType: meta.ogType,
    });
    if (reason) refused.push({ id, reason: reason.text });
    if (meta.title ?? meta.heading ?? meta.documentTitle) metadata.title++;
    if (meta.date) {
      metadata.date++;
      dateSources[meta.dateSource ?? '?'] = (dateSources[meta.dateSource ?? '?'] ?? 0) + 1;
    }
    if (meta.author) metadata.author++;
    if (meta.site) metadata.site++;
    if (meta.lang) metadata.lang++;
    if (meta.canonical) metadata.canonical++;

    const { document } = parseHTML(html);
    try {
      plain[id] = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? '';
    } catch {
      plain[id] = '';
    }
    onPage?.(i + 1, ids.length);
  });

  let readabilityPublished: Scores | null = null;
  const published = join(dir, 'output', 'readability_js.json');
  if (existsSync(published)) {
    const raw = JSON.parse(readFileSync(published, 'utf8')) as { output?: Record<string, { articleBody?: string }> } & Record<string, { articleBody?: string }>;
    const out = (raw.output ?? raw) as Record<string, { articleBody?: string }>;
    readabilityPublished = scorePredictions(truth, Object.fromEntries(ids.map((id) => [id, out[id]?.articleBody ?? ''])));
  }

  const asOutput = (texts: Record<string, string>) => Object.fromEntries(ids.map((id) => [id, { articleBody: texts[id] ?? '' }]));
  return {
    pages: ids.length,
    griot: scorePredictions(truth, griot),
    readabilityParagraphs: scorePredictions(truth, paragraphs),
    readabilityPlain: scorePredictions(truth, plain),
    readabilityPublished,
    jsonLdBodies,
    refused,
    metadata,
    dateSources,
    outputs: { griot: asOutput(griot), readability_linkedom: asOutput(plain) },
  };
}

/** The other extractors' published outputs in the benchmark's output/ folder (names only). */
export function publishedOutputs(dir: string): string[] {
  const out = join(dir, 'output');
  return existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.json')) : [];
}
