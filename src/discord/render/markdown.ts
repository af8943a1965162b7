/**
 * Text from the corpus or from users, made safe to place inside Griot's own Discord Markdown.
 * Corpus titles, quotes, answers (the model writes from corpus text) and questions are data: they
 * must show literally, never as bold, spoilers, headings, quotes or a masked link. Pure.
 */
import { escapeMarkdown } from 'discord.js';
import { shorten } from '../../format.js';

/**
 * `text` escaped so that Discord shows it as written: discord.js's escapeMarkdown (bold, italics,
 * underline, strikethrough, spoilers, code, headings, lists), plus what it leaves alone — block
 * quotes and `-#` subtext at a line start, and masked links: `[label](url)` keeps its characters but
 * loses its link (the URL, if any, shows as itself). `[n]` citation markers stay as they are.
 */
export function plain(text: string): string {
  return (
    escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
      // escapeMarkdown's own maskedLink option marks only the first `[` of a line; breaking every
      // `](` defeats every masked link, including one right after a citation marker.
      .replace(/\]\(/g, ']\\(')
      .replace(/^(\s*)(>|-#)/gm, '$1\\$2')
  );
}

/**
 * `text` shortened (word boundary, "…") and escaped, at most `max` characters once escaped: the
 * escapes count against Discord's limits, so a text full of Markdown is shortened further.
 */
export function plainWithin(text: string, max: number): string {
  let room = max;
  for (;;) {
    const escaped = plain(shorten(text, room));
    if (escaped.length <= max || room <= 1) return escaped.slice(0, max);
    room -= Math.max(1, escaped.length - max);
  }
}

/** `text` as inline code; a backtick inside (which would end the code early) becomes a look-alike. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

/**
 * A masked link to `url` labelled `label` (escaped), the address in `<…>` so that Discord shows no
 * preview embed. Null when `url` is not a plain http(s) address: the caller shows the label alone.
 */
export function maskedLink(label: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Characters that would end the link or the address early are percent-encoded.
  const href = parsed.href.replace(/[<>()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  // Brackets in the label would end it early: shown as look-alikes.
  return `[${label.replace(/\[/g, '⁅').replace(/\]/g, '⁆')}](<${href}>)`;
}
