/** Text formatting both interfaces (terminal and Discord) share. Pure. */
import type { ArticleDate } from './types.js';

/** Shortens text to at most `max` characters, cutting at a word boundary and adding "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** An article date as users read it: `2022-02`, `2022-02-17 (inferred)` or `undated`. */
export function formatArticleDate(date: ArticleDate | null): string {
  if (!date) return 'undated';
  return date.inferred ? `${date.iso} (inferred)` : date.iso;
}
