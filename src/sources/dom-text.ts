import type { DomElement, DomNode } from './dom-types.js';

/**
 * Text of a DOM subtree as a reader sees it: one paragraph per block element, separated by a blank line; `<br>`
 * a line break; whitespace collapsed. Pure over the node.
 */

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT']);
const CELL = new Set(['TD', 'TH']);

const PARA = '\u2029';

function walk(node: DomNode, out: string[], inPre: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const t = child.textContent ?? '';
      out.push(inPre ? t.replace(/\n/g, '\u2028') : t.replace(/\s+/g, ' '));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = (child as DomElement).tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'BR') {
      out.push('\u2028');
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) out.push(PARA);
    if (CELL.has(tag)) out.push(' ');
    walk(child, out, inPre || tag === 'PRE');
    if (block) out.push(PARA);
    if (CELL.has(tag)) out.push(' ');
  }
}

/** Paragraphs of `node`'s visible text, joined by blank lines. */
export function domText(node: DomNode): string {
  const out: string[] = [];
  walk(node, out, false);
  return out
    .join('')
    .split(PARA)
    .map((p) =>
      p
        .split('\u2028')
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** Share of `node`'s text inside links (0–1): high for menus, home and section pages. */
export function linkDensity(node: DomElement): number {
  const total = (node.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of node.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return Math.min(1, linked / total);
}
