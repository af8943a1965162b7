/**
 * Between the document store and the index, pure: a folder file's text → the article to store
 * (front matter, the ` date YYYY-MM ` header, clean-up), and a stored article → the Document the
 * index splits and analyses (language, title, passages).
 */
import type { StoredDocument, StoredDocumentMeta } from '../store/documents.js';
import { LANGS, type ArticleDate, type Document, type Lang, type PublishedDate } from '../types.js';
import { cleanText } from './clean.js';
import { sha256Hex } from './document.js';
import { parseFrontMatter } from './front-matter.js';
import { parseHeader } from './header.js';
import { detectLanguage } from './language.js';
import { splitPassages } from './passages.js';
import { makeTitle, separateGluedText } from './title.js';

/** What a folder file says about its article, and the article's cleaned text. */
export interface FolderArticle {
  readonly title: string | null;
  readonly date: PublishedDate | null;
  readonly url: string | null;
  readonly site: string | null;
  readonly author: string | null;
  readonly lang: string | null;
  readonly text: string;
}

/** Markdown files: heading markers (`## `) are dropped so the heading reads as text. */
function stripMarkdownHeadings(body: string): string {
  return body.replace(/^[ \t]*#{1,6}[ \t]+/gm, '');
}

/**
 * A folder file's text as an article: front matter first (title, date, url, site, author, lang),
 * then the ` date YYYY-MM[-DD] ` header (its date is used when the front matter has none), then the
 * text cleaned as every corpus text is. `{ skip }` with the reason when no text is left.
 */
export function folderArticle(file: string, raw: string): FolderArticle | { skip: string } {
  const { meta, body: afterFront } = parseFrontMatter(raw.replace(/^\uFEFF/, ''));
  const { date: headerDate, body } = parseHeader(afterFront);
  const text = separateGluedText(cleanText(/\.md$/i.test(file) ? stripMarkdownHeadings(body) : body));
  if (text === '') return { skip: 'no text left after clean-up (empty, or only a header or navigation)' };
  return {
    title: meta.title ?? null,
    date: meta.date ?? headerDate,
    url: meta.url ?? null,
    site: meta.site ?? null,
    author: meta.author ?? null,
    lang: meta.lang ?? null,
    text,
  };
}

/** A stored date as the index's ArticleDate: a year alone has no month to show, so it reads as undated. */
export function articleDate(date: PublishedDate | null): ArticleDate | null {
  if (!date || date.precision === 'year') return null;
  return { iso: date.iso, precision: date.precision, inferred: date.inferred };
}

/**
 * The index's hash of a stored document: its text's hash and every field the index shows, so an
 * article whose title or date changed is indexed again even when its text did not.
 */
export function indexHash(d: StoredDocumentMeta): string {
  return sha256Hex(JSON.stringify([d.contentHash, d.source, d.sourceRef, d.url, d.title, d.date, d.site, d.author, d.lang]));
}

/** The stored language when Griot analyses it, else the one its text reads as. */
function languageOf(stated: string | null, text: string): Lang {
  const code = stated?.toLowerCase().slice(0, 2);
  return LANGS.includes(code as Lang) ? (code as Lang) : detectLanguage(text);
}

/** A stored article as the index's Document: its own title, else its first words; its passages. */
export function documentFromStored(d: StoredDocument): Document {
  const lang = languageOf(d.lang, d.text);
  const passages = splitPassages(d.id, d.text, lang);
  return {
    id: d.id,
    file: d.sourceRef,
    date: articleDate(d.date),
    title: d.title ?? makeTitle(d.text),
    lang,
    hash: indexHash(d),
    passageCount: passages.length,
    ...(d.url ? { url: d.url } : {}),
    ...(d.site ? { site: d.site } : {}),
    ...(d.author ? { author: d.author } : {}),
    ...(d.source !== 'folder' ? { source: d.source } : {}),
    text: d.text,
    passages,
  };
}
