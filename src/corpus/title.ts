/** Document titles: the first sentence, shortened at a word boundary. */
import { splitSentences } from './sentences.js';

/**
 * The first sentence of `text`, at most `maxChars` characters: a longer one is cut at the last word
 * boundary that fits and ends with "…". Empty text gives ''.
 */
export function makeTitle(text: string, maxChars = 80): string {
  // A sentence never crosses a line break, so the first non-empty line holds the first sentence.
  const firstLine = /[^\n]*\S[^\n]*/.exec(text)?.[0] ?? '';
  const first = splitSentences(unglue(firstLine))[0]?.text ?? '';
  if (first.length <= maxChars) return first;
  const room = first.slice(0, Math.max(1, maxChars - 1));
  const cut = room.search(/\s+\S*$/u);
  const head = (cut > 0 ? room.slice(0, cut) : room).replace(/[\s,;:–—-]+$/u, '');
  return `${head}…`;
}

/**
 * Where a headline was glued to the article's first word ("…le remaniementMardi, le président…") or
 * two sentences lost the space between them ("…domestique.Consternant"), a line break: the title then
 * stops where its own text stops. A lower-case run of three letters or more before the capital keeps
 * names such as "McDonald" and "YouTube" whole.
 */
export function unglue(line: string): string {
  return line.replace(/([\p{Ll}\p{N}][.!?])(?=\p{Lu})/gu, '$1\n').replace(/(\p{Ll}{3})(?=\p{Lu}\p{Ll})/gu, '$1\n');
}

/**
 * The document text with glued sentences separated: everywhere where a sentence's full stop is
 * directly followed by the next sentence's capital ("…domestique.Consternant"), and, on the first
 * line only, where a headline ran into the article's first word ("…remaniementMardi, le président…"):
 * further down, the same letter pattern is more often a brand (ArcelorMittal, LinkedIn) than a glue.
 * Quotes, sources and timelines then never show a title run into its first sentence.
 */
export function separateGluedText(text: string): string {
  const punct = text.replace(/([\p{Ll}\p{N}][.!?])(?=\p{Lu}\p{Ll})/gu, '$1\n');
  const firstLineEnd = punct.indexOf('\n');
  const head = firstLineEnd < 0 ? punct : punct.slice(0, firstLineEnd);
  return unglue(head) + (firstLineEnd < 0 ? '' : punct.slice(firstLineEnd));
}
