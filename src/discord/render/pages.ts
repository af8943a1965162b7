import { DISCORD_LIMITS } from './limits.js';

/** A line of a paged list, with the headings it sits under (repeated at the top of each page). */
export interface PagedLine {
  readonly headings: readonly string[];
  readonly text: string;
}

/**
 * Packs lines into embed descriptions of at most `max` characters, writing each heading when it
 * changes and again at the top of every page, so a page reads on its own.
 */
export function packPages(lines: readonly PagedLine[], max: number = DISCORD_LIMITS.embedDescription - 96): string[] {
  const pages: string[] = [];
  let page = '';
  let shown: readonly string[] = [];
  for (const line of lines) {
    // Headings from the first one that differs from those already shown on this page.
    const changed = line.headings.findIndex((h, i) => shown[i] !== h);
    const headings = changed === -1 ? [] : line.headings.slice(changed);
    let block = [...headings, line.text].join('\n');
    if (page && page.length + 1 + block.length > max) {
      pages.push(page);
      page = '';
      shown = [];
      block = [...line.headings, line.text].join('\n');
    }
    page = page ? `${page}\n${block}` : block;
    shown = line.headings;
  }
  if (page) pages.push(page);
  return pages;
}
