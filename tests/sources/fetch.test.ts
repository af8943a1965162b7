import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RobotsCache, safeFetch, type ResolvedAddress, type Resolver } from '../../src/sources/index.js';
import { redirect, send, startWebServer, type WebServer } from '../helpers/web-server.js';

/** A public address (example.com's); never connected to: `route` sends the connection to the test server. */
const PUBLIC = '93.184.216.34';
const toLocal = (a: ResolvedAddress): ResolvedAddress => (a.address === PUBLIC ? { address: '127.0.0.1', family: 4 } : a);
const names =
  (map: Record<string, string>): Resolver =>
  async (host) => {
    const address = map[host];
    if (!address) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };

let server: WebServer;

beforeAll(async () => {
  server = await startWebServer({
    '/page': send('<html><body>hello</body></html>', 'text/html; charset=utf-8'),
    '/to-local': (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${server.port}/page` });
      res.end();
    },
    '/to-intranet': (_req, res) => {
      res.writeHead(302, { location: `http://intranet.example:${server.port}/page` });
      res.end();
    },
    '/to-public-page': (_req, res) => {
      res.writeHead(301, { location: `http://news.example:${server.port}/page` });
      res.end();
    },
    '/loop': redirect('/loop'),
    '/hop1': redirect('/hop2'),
    '/hop2': redirect('/page'),
    '/to-file': redirect('file:///etc/passwd'),
    '/image': send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
    '/big': send(Buffer.alloc(200 * 1024, 0x61), 'text/html'),
    '/bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x61)));
    },
    '/gzip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync('<p>compressed page</p>'));
    },
    '/hang': () => {
      // Never answers: only the fetch's time-out ends it.
    },
    '/gone': send('gone', 'text/html', 410),
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      res.end('<rss></rss>');
    },
    '/robots.txt': send('User-agent: Griot\nDisallow: /private-feed\n\nUser-agent: *\nDisallow:\n', 'text/plain'),
    '/private-feed': send('<rss></rss>', 'application/rss+xml'),
  });
});

afterAll(() => server.close());

describe('safeFetch › addresses', () => {
  it('refuses 127.0.0.1 without FETCH_ALLOW_PRIVATE and says how to allow it', async () => {
    const r = await safeFetch(`${server.origin}/page`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('private-address');
    expect(r.reason).toBe('refused: 127.0.0.1 is a private address (loopback); set FETCH_ALLOW_PRIVATE=on to allow it');
    expect(server.requests.some((q) => q.path === '/page')).toBe(false);
  });

  it('fetches from 127.0.0.1 when private addresses are allowed', async () => {
    const r = await safeFetch(`${server.origin}/page`, { allowPrivate: true });
    expect(r.ok && r.response.body.toString()).toBe('<html><body>hello</body></html>');
    expect(r.ok && r.response.contentType).toBe('text/html');
    expect(r.ok && r.response.charset).toBe('utf-8');
  });

  it('refuses a host name that resolves to a private address, naming both', async () => {
    const r = await safeFetch(`http://intranet.example:${server.port}/page`, { resolver: names({ 'intranet.example': '10.0.0.7' }) });
    expect(!r.ok && r.reason).toBe('refused: intranet.example resolves to 10.0.0.7, a private address; set FETCH_ALLOW_PRIVATE=on to allow it');
  });

  it.each([
    ['[::1]', 'loopback'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['[fe80::1]', 'link-local'],
    ['[fd00::1]', 'unique-local'],
    ['169.254.169.254', 'link-local'],
    ['192.168.1.1', 'private'],
  ])('refuses the literal address %s (%s)', async (host, kind) => {
    const r = await safeFetch(`http://${host}/`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('private-address');
    expect(!r.ok && r.reason).toContain(kind === 'private' ? 'a private address' : kind);
  });

  it('refuses a multicast address', async () => {
    const r = await safeFetch('http://224.0.0.1/');
    expect(!r.ok && r.reason).toContain('multicast');
  });

  it('follows a public-looking address to its page, connecting to the address it checked', async () => {
    const calls: string[] = [];
    // A rebinding resolver: public the first time, loopback afterwards. Only the first answer may be used.
    let n = 0;
    const rebinding: Resolver = async (host) => {
      calls.push(host);
      return [{ address: n++ === 0 ? PUBLIC : '127.0.0.1', family: 4 }];
    };
    const r = await safeFetch(`http://news.example:${server.port}/page`, { resolver: rebinding, route: toLocal });
    expect(r.ok && r.response.body.toString()).toContain('hello');
    expect(calls).toEqual(['news.example']);
    expect(server.requests.at(-1)?.headers.host).toBe(`news.example:${server.port}`);
  });

  it('refuses a public-looking address that redirects to 127.0.0.1', async () => {
    const r = await safeFetch(`http://news.example:${server.port}/to-local`, { resolver: names({ 'news.example': PUBLIC }), route: toLocal });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('refused: 127.0.0.1 is a private address (loopback); set FETCH_ALLOW_PRIVATE=on to allow it');
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const r = await safeFetch(`http://news.example:${server.port}/to-intranet`, {
      resolver: names({ 'news.example': PUBLIC, 'intranet.example': '192.168.0.10' }),
      route: toLocal,
    });
    expect(!r.ok && r.reason).toContain('intranet.example resolves to 192.168.0.10, a private address');
  });

  it('says when a name does not resolve', async () => {
    const r = await safeFetch('http://nowhere.example/', { resolver: names({}) });
    expect(!r.ok && r.code).toBe('dns');
    expect(!r.ok && r.reason).toContain('nowhere.example does not resolve');
  });
});

describe('safeFetch › limits', () => {
  const allow = { allowPrivate: true } as const;

  it('fetches only http and https', async () => {
    const r = await safeFetch('file:///etc/passwd', allow);
    expect(!r.ok && r.reason).toBe('refused: file links are not fetched; only http and https');
    const viaRedirect = await safeFetch(`${server.origin}/to-file`, allow);
    expect(!viaRedirect.ok && viaRedirect.reason).toContain('file links are not fetched');
  });

  it('follows redirects and reports every address visited', async () => {
    const r = await safeFetch(`${server.origin}/hop1`, allow);
    expect(r.ok && r.response.url).toBe(`${server.origin}/page`);
    expect(r.ok && r.response.redirects).toEqual([`${server.origin}/hop1`, `${server.origin}/hop2`, `${server.origin}/page`]);
  });

  it('stops after 5 redirects', async () => {
    const r = await safeFetch(`${server.origin}/loop`, allow);
    expect(!r.ok && r.code).toBe('too-many-redirects');
    expect(!r.ok && r.reason).toContain('more than 5 redirects');
  });

  it('refuses a media type it was not asked for', async () => {
    const r = await safeFetch(`${server.origin}/image`, allow);
    expect(!r.ok && r.reason).toBe(`refused: ${server.origin}/image is image/png, not a web page, PDF or text`);
  });

  it('stops a download larger than the cap, compressed or not', async () => {
    const big = await safeFetch(`${server.origin}/big`, { ...allow, maxBytes: 64 * 1024 });
    expect(!big.ok && big.code).toBe('too-large');
    expect(!big.ok && big.reason).toContain('FETCH_MAX_BYTES');
    const bomb = await safeFetch(`${server.origin}/bomb`, { ...allow, maxBytes: 64 * 1024 });
    expect(!bomb.ok && bomb.code).toBe('too-large');
  });

  it('decompresses gzip', async () => {
    const r = await safeFetch(`${server.origin}/gzip`, allow);
    expect(r.ok && r.response.body.toString()).toBe('<p>compressed page</p>');
  });

  it('gives up on a server that does not answer, naming FETCH_TIMEOUT_MS', async () => {
    const r = await safeFetch(`${server.origin}/hang`, { ...allow, timeoutMs: 300 });
    expect(!r.ok && r.code).toBe('timeout');
    expect(!r.ok && r.reason).toContain('FETCH_TIMEOUT_MS');
  });

  it('refuses an error status', async () => {
    const r = await safeFetch(`${server.origin}/gone`, allow);
    expect(!r.ok && r.reason).toContain('answered 410');
  });

  it('names Griot in its User-Agent', async () => {
    await safeFetch(`${server.origin}/page`, allow);
    expect(server.requests.at(-1)?.headers['user-agent']).toMatch(/^Griot\//);
  });
});

describe('safeFetch › polling', () => {
  const feed = { allowPrivate: true, accept: ['application/rss+xml'] } as const;

  it('sends conditional headers and passes a 304 through', async () => {
    const first = await safeFetch(`${server.origin}/etag`, feed);
    expect(first.ok && first.response.headers['etag']).toBe('"v1"');
    const second = await safeFetch(`${server.origin}/etag`, { ...feed, headers: { 'If-None-Match': '"v1"' } });
    expect(second.ok && second.response.status).toBe(304);
    expect(second.ok && second.response.body.length).toBe(0);
  });

  it('honours robots.txt when the bot polls on its own, and only then', async () => {
    const cache = new RobotsCache();
    const polled = await safeFetch(`${server.origin}/private-feed`, { ...feed, robots: true, robotsCache: cache });
    expect(!polled.ok && polled.code).toBe('robots');
    expect(!polled.ok && polled.reason).toContain('robots.txt does not allow Griot');
    const allowed = await safeFetch(`${server.origin}/etag`, { ...feed, robots: true, robotsCache: cache });
    expect(allowed.ok).toBe(true);
    expect(server.requests.filter((q) => q.path === '/robots.txt')).toHaveLength(1);
    const byPerson = await safeFetch(`${server.origin}/private-feed`, feed);
    expect(byPerson.ok).toBe(true);
  });
});
