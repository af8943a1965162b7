/**
 * A feed document (RSS 2.0, Atom 1.0 or RDF/RSS 1.0) as Griot needs it: its title and its entries,
 * each with the key that says whether it is new (guid/id, else link), its link, title, date, author
 * and its own full text when it carries one. The only user of feedsmith. Pure.
 */
import { type AnyFeed, parseFeed as parseAnyFeed } from 'feedsmith';

/** One entry of a feed. */
export interface FeedEntry {
  /** What makes it new: the guid (RSS), id (Atom) or, without one, the link. */
  readonly key: string;
  /** The article's address, absolute; null when the entry has none. */
  readonly link: string | null;
  readonly title: string | null;
  /** As the feed states it (RFC 822 or ISO 8601); null when it has none. */
  readonly published: string | null;
  readonly author: string | null;
  /** The entry's body as the feed carries it (content:encoded, Atom content), HTML or text; null without one. */
  readonly content: { readonly value: string; readonly type: 'html' | 'text' } | null;
  /** The short summary (RSS description, Atom summary), HTML; never taken for the article. */
  readonly summary: string | null;
}

/** A parsed feed. */
export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf';
  readonly title: string | null;
  /** The site the feed belongs to, when it says. */
  readonly siteUrl: string | null;
  readonly entries: readonly FeedEntry[];
}

export type ParseFeedResult = { readonly ok: true; readonly feed: ParsedFeed } | { readonly ok: false; readonly reason: string };

const text = (s: string | undefined | null): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

/** `href` made absolute against the feed's address; null when it is not an http(s) URL. */
function absolute(href: string | null | undefined, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function entry(
  fields: Omit<FeedEntry, 'key' | 'link'> & { readonly id: string | null; readonly link: string | null },
): FeedEntry | null {
  const key = fields.id ?? fields.link;
  if (!key) return null; // neither id nor link: nothing to recognise it by next time, nothing to cite
  const { id: _id, ...rest } = fields;
  return { ...rest, key };
}

/**
 * Parses a feed document. `feedUrl` resolves relative links. A document that is not RSS, Atom or RDF
 * (or is JSON Feed, which Griot does not read) is refused with the reason.
 */
export function parseFeed(xml: string, feedUrl: string): ParseFeedResult {
  let parsed: AnyFeed<string>;
  try {
    parsed = parseAnyFeed(xml);
  } catch (err) {
    return { ok: false, reason: `not an RSS, Atom or RDF feed (${(err as Error).message})` };
  }
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      const entries = (f.items ?? []).flatMap((item) => {
        const link = absolute(item.link, feedUrl) ?? (item.guid?.isPermaLink !== false ? absolute(item.guid?.value, feedUrl) : null);
        const e = entry({
          id: text(item.guid?.value),
          link,
          title: text(item.title),
          published: text(item.pubDate) ?? text(item.dc?.dates?.[0]),
          author: text(item.authors?.[0]?.name) ?? text(item.dc?.creators?.[0]),
          content: text(item.content?.encoded) ? { value: item.content!.encoded!, type: 'html' } : null,
          summary: text(item.description),
        });
        return e ? [e] : [];
      });
      return { ok: true, feed: { format: 'rss', title: text(f.title), siteUrl: absolute(f.link, feedUrl), entries } };
    }
    case 'atom': {
      const f = parsed.feed;
      const alternate = (links: readonly { href?: string; rel?: string }[] | undefined) =>
        (links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href;
      const entries = (f.entries ?? []).flatMap((item) => {
        const content = item.content?.value && !item.content.src ? item.content : null;
        const e = entry({
          id: text(item.id),
          link: absolute(alternate(item.links), feedUrl),
          title: text(item.title?.value),
          published: text(item.published) ?? text(item.updated),
          author: text(item.authors?.[0]?.name),
          content: content ? { value: content.value!, type: content.type === 'text' ? 'text' : 'html' } : null,
          summary: text(item.summary?.value),
        });
        return e ? [e] : [];
      });
      return {
        ok: true,
        feed: { format: 'atom', title: text(f.title?.value), siteUrl: absolute(alternate(f.links), feedUrl), entries },
      };
    }
    case 'rdf': {
      const f = parsed.feed;
      const entries = (f.items ?? []).flatMap((item) => {
        const e = entry({
          id: null,
          link: absolute(item.link, feedUrl),
          title: text(item.title),
          published: text(item.dc?.dates?.[0]),
          author: text(item.dc?.creators?.[0]),
          content: text(item.content?.encoded) ? { value: item.content!.encoded!, type: 'html' } : null,
          summary: text(item.description),
        });
        return e ? [e] : [];
      });
      return { ok: true, feed: { format: 'rdf', title: text(f.title), siteUrl: absolute(f.link, feedUrl), entries } };
    }
    default:
      return { ok: false, reason: 'a JSON Feed, which Griot does not read; give the site’s RSS or Atom feed' };
  }
}
