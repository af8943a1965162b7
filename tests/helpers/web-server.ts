/**
 * A small web server on 127.0.0.1 for the sources tests: routes by path, records each request's headers.
 * Never the internet.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface WebServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  /** Headers of every request, in order, with its path. */
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startWebServer(routes: Record<string, Route>): Promise<WebServer> {
  const requests: WebServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path: req.url ?? '/', headers: req.headers });
    const route = routes[path];
    if (route) route(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route answering `body` with `contentType` and status 200 (or `status`). */
export function send(body: string | Buffer, contentType: string, status = 200, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType, ...headers });
    res.end(body);
  };
}

/** A route redirecting to `location`. */
export function redirect(location: string, status = 301): Route {
  return (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
}

const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'sources', 'fixtures', 'pages');

/** The bytes of a saved page in tests/sources/fixtures/pages. */
export function page(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export const FIXTURE_PAGES = FIXTURES;
