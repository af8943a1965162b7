/**
 * Safe fetching: the only code in Griot that opens a connection to an address it was given.
 *
 * Every hop (the first request and each redirect) is checked the same way:
 * - only `http:` and `https:`;
 * - the host name is resolved here (through an injectable {@link Resolver}) and the connection is made to the address
 *   that was checked — the socket's own `lookup` returns it — so a DNS rebind between check and connect cannot slip
 *   through; an address that is loopback, private, link-local, unique-local, multicast or otherwise not public unicast
 *   (IPv4 and IPv6, IPv4-mapped included) is refused unless `allowPrivate` (FETCH_ALLOW_PRIVATE=on);
 * - at most `maxRedirects` (5) redirects, one time-out for the whole fetch, a cap on the bytes downloaded (after
 *   decompression, so a compressed bomb is stopped too), the response's media type checked against `accept`;
 * - a `User-Agent` naming Griot; robots.txt honoured when `robots` is set (the bot's own polling).
 * Each refusal is a {@link Refusal} whose `reason` says why and what to do.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { classifyAddress, isIpLiteral } from './address.js';
import { type FetchResult, type FetchedResponse, type Refusal, refuse } from './types.js';
import { RobotsCache } from './robots.js';

/** Resolves a host name to its addresses. Injectable so tests can map names; the default asks the system resolver. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** The system resolver (getaddrinfo, like every other program on the host). */
export const systemResolver: Resolver = async (hostname) => {
  const all = await dnsLookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export const USER_AGENT = 'Griot/0.1 (news question-answering bot; +https://github.com/griot-bot)';
/** The robots.txt token Griot obeys. */
export const ROBOTS_AGENT = 'Griot';

export const HTML_TYPES = ['text/html', 'application/xhtml+xml'] as const;
export const PDF_TYPES = ['application/pdf'] as const;
export const TEXT_TYPES = ['text/plain', 'text/markdown'] as const;
export const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/feed+json', 'application/json'] as const;

/** Settings from the configuration (FETCH_ALLOW_PRIVATE, FETCH_TIMEOUT_MS, FETCH_MAX_BYTES). */
export interface FetchSettings {
  /** FETCH_ALLOW_PRIVATE: connect to loopback/private/link-local addresses too (intranet sources, tests). */
  readonly allowPrivate: boolean;
  /** FETCH_TIMEOUT_MS: the whole fetch, redirects included. */
  readonly timeoutMs: number;
  /** FETCH_MAX_BYTES: the most bytes one response body may have (after decompression). */
  readonly maxBytes: number;
}

export const DEFAULT_FETCH_SETTINGS: FetchSettings = { allowPrivate: false, timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024 };

export interface FetchOptions extends Partial<FetchSettings> {
  /** Media types accepted (without parameters). Default: HTML, PDF and plain text. A response without Content-Type passes; the caller sniffs it. */
  readonly accept?: readonly string[];
  /** Extra request headers, e.g. `If-None-Match` / `If-Modified-Since` for feeds (a 304 comes back as `ok` with status 304 and an empty body). */
  readonly headers?: Readonly<Record<string, string>>;
  /** True when the fetch is the bot's own polling (feeds): robots.txt is read and obeyed for `Griot`. A person's `/add` leaves it off. */
  readonly robots?: boolean;
  /** Keeps robots.txt per origin between fetches (one per poller); a fresh one is used when absent. */
  readonly robotsCache?: RobotsCache;
  readonly resolver?: Resolver;
  /**
   * Tests only: where to really connect for an address that passed the check (so a test can give a host name a
   * public address with `resolver` and still reach its server on 127.0.0.1). The check always sees the resolved address.
   */
  readonly route?: (checked: ResolvedAddress) => ResolvedAddress;
  /** At most this many redirects (default 5). */
  readonly maxRedirects?: number;
  readonly signal?: AbortSignal;
}

const KIND_NAMES: Record<string, string> = {
  loopback: 'a private address (loopback)',
  private: 'a private address',
  linkLocal: 'a private address (link-local)',
  uniqueLocal: 'a private address (unique-local)',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  carrierGradeNat: 'a private address (carrier-grade NAT)',
  invalid: 'not a valid address',
};

function privateRefusal(host: string, address: string, kind: string): Refusal {
  const what = KIND_NAMES[kind] ?? `a reserved address (${kind})`;
  const subject = host === address ? `${address} is ${what}` : `${host} resolves to ${address}, ${what}`;
  return refuse('private-address', `refused: ${subject}; set FETCH_ALLOW_PRIVATE=on to allow it`);
}

/**
 * Fetches `url` safely (see the module comment). Resolves to `{ok: true, response}` for a 2xx or 304 answer whose
 * media type is accepted, else to a refusal saying why. Never throws for network or server trouble.
 *
 * @example
 * const r = await safeFetch('https://example.org/feed.xml', { accept: FEED_TYPES, robots: true, headers: { 'If-None-Match': etag } });
 * if (r.ok && r.response.status === 304) return; // unchanged
 */
export async function safeFetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const settings: FetchSettings = {
    allowPrivate: options.allowPrivate ?? DEFAULT_FETCH_SETTINGS.allowPrivate,
    timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_SETTINGS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_FETCH_SETTINGS.maxBytes,
  };
  const resolver = options.resolver ?? systemResolver;
  const maxRedirects = options.maxRedirects ?? 5;
  const accept = options.accept ?? [...HTML_TYPES, ...PDF_TYPES, ...TEXT_TYPES];
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const visited: string[] = [];
  const robots = options.robots ? (options.robotsCache ?? new RobotsCache()) : null;

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return refuse('bad-url', `refused: "${url}" is not a web address; give a full http:// or https:// link`);
  }

  for (let hop = 0; ; hop++) {
    visited.push(current.href);
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return refuse('bad-url', `refused: ${current.protocol.replace(/:$/, '')} links are not fetched; only http and https`);
    }
    const target = await checkHost(current, settings.allowPrivate, resolver);
    if (!target.ok) return target;

    if (robots) {
      const allowed = await robots.isAllowed(current, (robotsUrl) =>
        safeFetch(robotsUrl, { ...settings, resolver, route: options.route, accept: ['text/plain'], maxBytes: 512 * 1024, signal, maxRedirects }),
      );
      if (!allowed) {
        return refuse('robots', `refused: ${current.origin}/robots.txt does not allow ${ROBOTS_AGENT} to fetch ${current.pathname}; ask the site or add the article by hand`);
      }
    }

    let res: http.IncomingMessage;
    try {
      const dial = options.route ? options.route({ address: target.address, family: target.family }) : target;
      res = await request(current, dial.address, dial.family, options.headers ?? {}, signal);
    } catch (err) {
      return networkRefusal(current, err, signal, settings.timeoutMs);
    }

    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && status !== 304 && location) {
      res.resume();
      if (hop >= maxRedirects) {
        return refuse('too-many-redirects', `refused: more than ${maxRedirects} redirects from ${visited[0]}; link to the article's final address`);
      }
      try {
        current = new URL(location, current);
      } catch {
        return refuse('bad-url', `refused: ${current.href} redirects to "${location}", which is not a web address`);
      }
      continue;
    }

    const headers = flatHeaders(res.headers);
    const { mediaType, charset } = parseContentType(headers['content-type'] ?? '');
    if (status === 304) {
      res.resume();
      return ok({ url: current.href, status, contentType: mediaType, charset, headers, body: Buffer.alloc(0), redirects: visited });
    }
    if (status < 200 || status >= 300) {
      res.resume();
      return refuse('http-status', `refused: ${current.href} answered ${status} ${res.statusMessage ?? ''}`.trimEnd() + '; check the link');
    }
    if (mediaType !== '' && !accept.includes(mediaType)) {
      res.resume();
      return refuse('content-type', `refused: ${current.href} is ${mediaType}, not ${describeTypes(accept)}`);
    }
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > settings.maxBytes && !headers['content-encoding']) {
      res.destroy();
      return tooLarge(current, settings.maxBytes);
    }
    try {
      const body = await readBody(res, headers['content-encoding'] ?? '', settings.maxBytes);
      if (body === null) return tooLarge(current, settings.maxBytes);
      return ok({ url: current.href, status, contentType: mediaType, charset, headers, body, redirects: visited });
    } catch (err) {
      return networkRefusal(current, err, signal, settings.timeoutMs);
    }
  }
}

function ok(response: FetchedResponse): FetchResult {
  return { ok: true, response };
}

function tooLarge(url: URL, maxBytes: number): Refusal {
  return refuse('too-large', `refused: ${url.href} is larger than ${Math.round(maxBytes / 1024)} KiB; raise FETCH_MAX_BYTES to allow it`);
}

function describeTypes(types: readonly string[]): string {
  if (types.some((t) => t === 'text/html') && types.includes('application/pdf')) return 'a web page, PDF or text';
  if (types.includes('text/html')) return 'a web page';
  return types.join(', ');
}

type Target = { ok: true; address: string; family: 4 | 6 } | Refusal;

/** Resolves the URL's host and picks an address Griot may connect to; that address is used for the connection. */
async function checkHost(url: URL, allowPrivate: boolean, resolver: Resolver): Promise<Target> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: readonly ResolvedAddress[];
  if (isIpLiteral(host)) {
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await resolver(host);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      return refuse('dns', `refused: the name ${host} does not resolve${code ? ` (${code})` : ''}; check the link`);
    }
    if (addresses.length === 0) return refuse('dns', `refused: the name ${host} has no address; check the link`);
  }
  if (allowPrivate) return { ok: true, address: addresses[0]!.address, family: addresses[0]!.family };
  for (const a of addresses) {
    if (classifyAddress(a.address).public) return { ok: true, address: a.address, family: a.family };
  }
  const first = addresses[0]!;
  const verdict = classifyAddress(first.address);
  return privateRefusal(host, first.address, verdict.public ? 'unicast' : verdict.kind);
}

/** One HTTP request to `url`, connecting to the pinned `address`. */
function request(url: URL, address: string, family: 4 | 6, extra: Readonly<Record<string, string>>, signal: AbortSignal): Promise<http.IncomingMessage> {
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    // Node asks for every address when it may race IPv4 and IPv6; either way it gets the one that was checked.
    if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: 'GET',
        lookup: pinned,
        signal,
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          ...lowerKeys(extra),
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

/** Reads the body, decompressing; null when it passes `maxBytes`. */
async function readBody(res: http.IncomingMessage, encoding: string, maxBytes: number): Promise<Buffer | null> {
  let stream: Readable = res;
  const enc = encoding.trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(zlib.createGunzip());
  else if (enc === 'deflate') stream = res.pipe(zlib.createInflate());
  else if (enc === 'br') stream = res.pipe(zlib.createBrotliDecompress());
  res.on('error', (err) => stream.destroy(err));
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      res.destroy();
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function networkRefusal(url: URL, err: unknown, signal: AbortSignal, timeoutMs: number): Refusal {
  if (signal.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    if (reason?.name === 'TimeoutError') {
      return refuse('timeout', `refused: ${url.href} did not answer within ${Math.round(timeoutMs / 1000)} s; try again later or raise FETCH_TIMEOUT_MS`);
    }
    return refuse('network', `refused: fetching ${url.href} was cancelled`);
  }
  const e = err as { code?: string; message?: string };
  return refuse('network', `refused: could not fetch ${url.href} (${e.code ?? e.message ?? 'network error'}); check the link or try again later`);
}

function flatHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function lowerKeys(h: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/** `text/html; charset=ISO-8859-1` → `{mediaType: 'text/html', charset: 'iso-8859-1'}`. */
export function parseContentType(value: string): { mediaType: string; charset: string | null } {
  const [type, ...params] = value.split(';');
  const mediaType = (type ?? '').trim().toLowerCase();
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { mediaType, charset };
}
