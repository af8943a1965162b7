/**
 * What Discord makes of message Markdown, enough to check that text shows literally. Written from
 * Discord's rules, independently of src/discord/render/markdown.ts, so the tests can catch it out.
 */

/** The text as Discord displays it: a backslash before punctuation or a symbol is dropped. */
export function displayed(text: string): string {
  return text.replace(/\\([^0-9A-Za-z\s])/g, '$1');
}

/**
 * The Markdown that Discord would act on in `text` (each escaped character taken as an ordinary letter first): bold or
 * italics, underline, strikethrough, spoilers, inline code, masked links, and headings, quotes,
 * subtext or lists at a line start.
 */
export function liveMarkup(text: string): string[] {
  const bare = text.replace(/\\[^0-9A-Za-z\s]/g, 'E'); // an escaped character: ordinary text
  const found: string[] = [];
  const rules: Array<[string, RegExp]> = [
    ['bold', /\*\*[^*]+\*\*/],
    ['italics', /(^|[^\w*])\*[^*\s][^*]*\*|(^|\W)_[^_\s][^_]*_(\W|$)/],
    ['underline', /__[^_]+__/],
    ['strikethrough', /~~[^~]+~~/],
    ['spoiler', /\|\|[^|]+\|\|/],
    ['code', /`[^`]+`/],
    ['masked link', /\[[^\]]*\]\([^)]*\)/],
    ['heading', /^\s*#{1,3} /m],
    ['subtext', /^\s*-# /m],
    ['quote', /^\s*>/m],
    ['list', /^\s*([*-]|\d+\.) /m],
  ];
  for (const [name, pattern] of rules) if (pattern.test(bare)) found.push(name);
  return found;
}
