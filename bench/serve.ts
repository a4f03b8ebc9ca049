import http from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import sirv from 'sirv';

// Serves a built site on 127.0.0.1 as a static host would, optionally under a sub-path and
// gzip-compressed. The one static server of the benchmark, the audit and the tests.

/**
 * A running server: its origin ("http://127.0.0.1:<port>", no trailing slash) and how to stop it
 * (at once, dropping every connection still open).
 */
export interface Served {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the folder `dir` at `base` (e.g. "/archive/", with both slashes) on a free port; other
 * paths answer 404. With `gzip`, responses are compressed as most hosts compress them (the
 * benchmark counts the bytes a reader downloads).
 */
export async function serve(dir: string, base = '/', options: { gzip?: boolean } = {}): Promise<Served> {
  const files = sirv(dir, { dev: false, etag: false });
  const gzip = options.gzip ? compression() : undefined;
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (!url.startsWith(base)) return notFound();
    req.url = `/${url.slice(base.length)}`;
    if (gzip) gzip(req as never, res as never, () => files(req, res, notFound));
    else files(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A connection the browser opened ahead of time and never sent a request on would keep
        // close() waiting until the browser drops it (a test's afterAll timed out so).
        server.closeAllConnections();
      }),
  };
}
