/**
 * One key for "the same article at two addresses": tracking parameters, AMP variants, http/https, `www.`,
 * a trailing slash and the fragment do not make another article. Pure functions.
 */

/** Query parameters that only track where a reader came from. Matched lower case; `utm_*` by prefix. */
const TRACKING = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid',
  'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_enc_id', 'oly_anon_id', 'vero_id', 'wickedid',
  'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'cmp', 'xtor', 'xtref', 'ocid', 'icid', 'ito', 'smid', 'smtyp',
  'at_medium', 'at_campaign', 'at_source', 'at_platform', 'at_link', 'at_creation', 'at_format', 'at_send_date',
  'int_source', 'int_medium', 'int_campaign', 'sr_share', 'amp', 'amp_js_v', 'usqp', 'outputtype', '__twitter_impression',
  'fb_ref', 's_cid',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'at_', 'oly_', 'ns_', 'ga_'];

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/** The path without its AMP marks: `/x/amp`, `/x/amp/`, `/amp/x`, `/x.amp`, `/x.amp.html`. */
function stripAmpPath(path: string): string {
  let p = path;
  p = p.replace(/\/amp\/?$/i, '/');
  p = p.replace(/^\/amp(\/|$)/i, '/');
  p = p.replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '');
  return p;
}

/** Host lower case, without `www.`, `amp.` or `m.` (mobile) in front. */
function bareHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').replace(/^(?:www\d*|amp|m|mobile)\./, '');
}

/**
 * `https://www.Example.org/a/b/amp/?utm_source=x&id=3#top` → `example.org/a/b?id=3`. Null for anything that is not
 * an http(s) URL. Two addresses with the same key are the same article.
 */
export function canonicalKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  let path = stripAmpPath(u.pathname).replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const params = [...u.searchParams].filter(([name]) => !isTracking(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? '?' + new URLSearchParams(params).toString() : '';
  return `${bareHost(u.hostname)}${path === '/' ? '' : path}${query}`;
}

/**
 * The address to store and cite: the page's canonical link when it names the same article (not a home page), else
 * the fetched address, without tracking parameters or fragment. Both are absolute http(s) URLs or null.
 */
export function citableUrl(fetched: string | null, canonical: string | null): string | null {
  const c = canonical ? cleanUrl(canonical) : null;
  const f = fetched ? cleanUrl(fetched) : null;
  if (c && !isHomePage(c)) return c;
  return f ?? c;
}

/** The URL without tracking parameters and fragment (scheme, host and path kept as they are). */
export function cleanUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const name of [...u.searchParams.keys()]) if (isTracking(name)) u.searchParams.delete(name);
  return u.href;
}

/** True for a site's root page (a canonical link some sites put on every page by mistake). */
export function isHomePage(url: string): boolean {
  try {
    const u = new URL(url);
    return stripAmpPath(u.pathname).replace(/\/+$/, '') === '' && u.search === '';
  } catch {
    return false;
  }
}

/** Canonical key of the article: from the page's canonical link when it is usable, else from the fetched address. */
export function articleKey(fetched: string | null, canonical: string | null): string | null {
  const url = citableUrl(fetched, canonical);
  return url ? canonicalKey(url) : null;
}
