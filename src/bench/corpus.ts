/**
 * Turning articles into the bench's corpora: Griot's own document pipeline (parseDocument: clean-up,
 * language, passages) on each article with its first sentence taken out, that sentence kept as a
 * known-item query; some articles held back entirely, their first sentence a query with no answer
 * planted in the index.
 */
import { parseDocument, splitSentences } from '../corpus/index.js';
import type { Document, Passage } from '../types.js';
import type { Article } from './articles.js';
import { fixGluedSentences } from './glue.js';

/** An indexed article: its document (first sentence removed) and that sentence. */
export interface PoolArticle {
  readonly doc: Document;
  /** The article's first sentence: a known-item query whose gold is `doc.id`. */
  readonly firstSentence: string;
}

/** Everything read from the source corpus, ready to be sliced to each size. */
export interface ArticlePool {
  /** Indexable articles in source order; their passages add up to at least the largest size, unless the source ran out. */
  readonly articles: readonly PoolArticle[];
  readonly passages: number;
  /** First sentences of held-back articles (never indexed): the long query set. */
  readonly heldBack: readonly string[];
  /** Articles read from the source (indexed, held back or skipped). */
  readonly articlesRead: number;
  /** Articles with nothing indexable left (too short once the first sentence is out). */
  readonly skipped: number;
  /** True when the source ended before the pool reached the requested passage count. */
  readonly exhausted: boolean;
}

export interface PoolOptions {
  /** Stop once the indexable articles hold this many passages (and enough articles are held back). */
  readonly passages: number;
  readonly heldBack: number;
  /** Every n-th article is held back (until `heldBack` are). */
  readonly heldBackEvery: number;
}

/** The first sentence and the rest of an article, glued sentences repaired; null when either is empty. Pure. */
export function splitFirstSentence(text: string): { first: string; rest: string } | null {
  const fixed = fixGluedSentences(text);
  const first = splitSentences(fixed)[0];
  if (!first) return null;
  const rest = fixed.slice(first.end).trim();
  return rest === '' ? null : { first: first.text, rest };
}

/**
 * An article through Griot's document pipeline, as if it were the file `<id>.txt` with a date header:
 * its first sentence removed (that sentence is the known-item query). Null when nothing indexable is left.
 */
export function articleToPoolArticle(article: Article): PoolArticle | null {
  const split = splitFirstSentence(article.text);
  if (!split) return null;
  const raw = article.date ? `date ${article.date} ${split.rest}` : split.rest;
  const doc = parseDocument(`${article.id}.txt`, raw);
  if ('skip' in doc || doc.passages.length === 0) return null;
  return { doc, firstSentence: split.first };
}

/**
 * Reads articles until the pool holds `passages` passages and `heldBack` articles are held back, or the
 * source ends. Held-back articles are never indexed at any size. Past the passage count only every
 * n-th article is looked at, so a small --sizes does not parse the whole corpus.
 */
export async function collectPool(
  source: AsyncIterable<Article> | Iterable<Article>,
  opts: PoolOptions,
  onProgress?: (read: number, passages: number) => void,
): Promise<ArticlePool> {
  const articles: PoolArticle[] = [];
  const heldBack: string[] = [];
  let passages = 0;
  let read = 0;
  let skipped = 0;
  const full = () => passages >= opts.passages;
  for await (const article of source) {
    read++;
    if (read % 2000 === 0) onProgress?.(read, passages);
    const isHeldBack = read % opts.heldBackEvery === 0 && heldBack.length < opts.heldBack;
    if (isHeldBack) {
      const split = splitFirstSentence(article.text);
      if (split && wordCount(split.first) >= 5) heldBack.push(split.first);
    } else if (!full()) {
      const pooled = articleToPoolArticle(article);
      if (pooled) {
        articles.push(pooled);
        passages += pooled.doc.passages.length;
      } else skipped++;
    }
    if (full() && heldBack.length >= opts.heldBack) break;
  }
  return { articles, passages, heldBack, articlesRead: read, skipped, exhausted: !full() };
}

/** One size's corpus: the documents to index, their passages, and known-item queries. */
export interface BenchCorpus {
  /** Passages taken from the pool (the base documents' passages not counted). */
  readonly poolPassages: number;
  readonly documents: readonly Document[];
  readonly passages: readonly Passage[];
  /** Known-item queries: an indexed article's removed first sentence and that article's id. */
  readonly knownItems: readonly { readonly query: string; readonly docId: string }[];
}

/**
 * The first `size` passages of the pool (the last article cut short if need be), after `base` documents
 * (the seeds) that every size carries. Known items: up to `maxKnownItems` of the sliced articles, evenly
 * spread, whose first sentence has at least five words. Pure.
 */
export function sliceCorpus(
  pool: readonly PoolArticle[],
  size: number,
  base: readonly Document[],
  maxKnownItems: number,
): BenchCorpus {
  const documents: Document[] = [...base];
  const sliced: PoolArticle[] = [];
  let count = 0;
  for (const a of pool) {
    if (count >= size) break;
    const take = Math.min(a.doc.passages.length, size - count);
    documents.push(take === a.doc.passages.length ? a.doc : { ...a.doc, passages: a.doc.passages.slice(0, take), passageCount: take });
    sliced.push(a);
    count += take;
  }
  const candidates = sliced.filter((a) => wordCount(a.firstSentence) >= 5);
  const step = Math.max(1, candidates.length / maxKnownItems);
  const knownItems: { query: string; docId: string }[] = [];
  for (let i = 0; i < candidates.length && knownItems.length < maxKnownItems; i += step) {
    const a = candidates[Math.floor(i)] as PoolArticle;
    knownItems.push({ query: a.firstSentence, docId: a.doc.id });
  }
  return { poolPassages: count, documents, passages: documents.flatMap((d) => d.passages), knownItems };
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
