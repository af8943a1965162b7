/**
 * Cleans Readability's article content before it becomes text, with rules that hold across sites and languages:
 * captions and credits, leftover share/related/newsletter widgets, blocks that are only links (menus, "read more"
 * lists), and the lines that repeat the page's own metadata (the headline, the byline, a dateline) — the article's
 * text is what the benchmark's people marked, and what a reader quotes. Mutates the content element.
 */
import type { DomElement } from './dom-types.js';
import { wordCount } from './not-article.js';

/** What the page's metadata says, to recognise lines that only repeat it. */
export interface KnownMetadata {
  readonly title: string | null;
  readonly author: string | null;
  readonly site: string | null;
}

export interface CleanRules {
  readonly captions: boolean;
  readonly widgets: boolean;
  readonly linkBlocks: boolean;
  readonly metadataLines: boolean;
}

export const ALL_RULES: CleanRules = { captions: true, widgets: true, linkBlocks: true, metadataLines: true };

const WIDGET_TOKENS = /(?:^|[\s_-])(?:caption|credit|credits|share|sharing|social|related|newsletter|promo|advert|advertisement|ad|ads|subscribe|subscription|byline|dateline|breadcrumbs?|tags|toolbar|read-?more|more-?from|recommended|sponsored|comments?)(?:$|[\s_-])/i;

function attr(el: DomElement, name: string): string {
  return el.getAttribute(name) ?? '';
}

function all(root: DomElement, selector: string): DomElement[] {
  return [...root.querySelectorAll(selector)];
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const LEAF_BLOCKS = 'p, li, h2, h3, h4, h5, h6, div, span, section, dd, dt, blockquote';

function linkShare(el: DomElement): number {
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / total;
}

/** True for an element with no block-level children (its text is one paragraph). */
function isLeafBlock(el: DomElement): boolean {
  for (const child of Array.from(el.children)) {
    if (/^(?:P|DIV|LI|UL|OL|SECTION|ARTICLE|TABLE|H[1-6]|BLOCKQUOTE|FIGURE)$/i.test(child.tagName)) return false;
  }
  return true;
}

const DATELINE = /^(?:(?:published|updated|posted|gepubliceerd|bijgewerkt|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato)\b|\|)/i;
const DATE_WORDS = /\b(?:\d{1,2}[:.h]\d{2}|(?:19|20)\d{2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|mei|okt|mrt|märz|dez)\w*\b/gi;

/** A short line that is only a date/time stamp ("PUBLISHED: 10:48, Tue, Nov 19, 2019", "Updated 11:21 pm CST …"). */
function isDateline(text: string): boolean {
  const words = wordCount(text);
  if (words === 0 || words > 16) return false;
  if (DATELINE.test(text.trim())) return true;
  const dateish = text.match(DATE_WORDS)?.length ?? 0;
  return dateish >= 2 && dateish * 2 >= words - 2;
}

/** Cleans `content` in place. */
export function cleanContent(content: DomElement, meta: KnownMetadata, rules: CleanRules = ALL_RULES): void {
  if (rules.captions) {
    for (const el of all(content, 'figcaption, [class*="caption" i], [class*="credit" i]')) el.remove();
  }
  if (rules.widgets) {
    for (const el of all(content, 'aside, nav, form, [class], [id]')) {
      if (!el.parentNode) continue;
      if (/^(?:ASIDE|NAV|FORM)$/i.test(el.tagName) || WIDGET_TOKENS.test(`${attr(el, 'class')} ${attr(el, 'id')}`)) {
        // Never drop a block holding a real share of the article's words.
        if (wordCount(el.textContent ?? '') < 80) el.remove();
      }
    }
  }
  if (rules.linkBlocks) {
    for (const el of all(content, LEAF_BLOCKS)) {
      if (!el.parentNode || !isLeafBlock(el)) continue;
      const words = wordCount(el.textContent ?? '');
      if (words > 0 && words <= 25 && linkShare(el) > 0.8) el.remove();
    }
    // Lists whose every item is a link (menus, "more from …" lists).
    for (const list of all(content, 'ul, ol')) {
      if (!list.parentNode) continue;
      const items = all(list, 'li');
      if (items.length >= 2 && items.every((li) => linkShare(li) > 0.8)) list.remove();
    }
  }
  if (rules.metadataLines) {
    const title = meta.title ? norm(meta.title) : null;
    const author = meta.author ? norm(meta.author) : null;
    const site = meta.site ? norm(meta.site) : null;
    for (const el of all(content, LEAF_BLOCKS)) {
      if (!el.parentNode || !isLeafBlock(el)) continue;
      const text = el.textContent ?? '';
      const n = norm(text);
      if (!n) continue;
      const withoutBy = n.replace(/^(?:by|door|par|von|di|por)\s+/, '');
      if (
        (title && n === title) ||
        (author && (withoutBy === author || (withoutBy.startsWith(author) && wordCount(text) <= author.split(' ').length + 12 && isDatelineAfter(text)))) ||
        (site && n === site) ||
        isDateline(text)
      ) {
        el.remove();
      }
    }
  }
}

/** "By Justine Coleman - 11/18/19 11:04 PM EST": a byline followed by a date. */
function isDatelineAfter(text: string): boolean {
  return /\d/.test(text);
}
