import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

// Serves a built site on 127.0.0.1, optionally under a sub-path, as a static host would.

/** A running server: its origin and how to stop it. */
export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` at `base` (e.g. "/archive/") on a free port; other paths answer 404. */
export async function serve(dir: string, base = '/'): Promise<Served> {
  const files = sirv(dir, { dev: false, etag: false });
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (url.startsWith(base)) {
      req.url = `/${url.slice(base.length)}`;
      files(req, res, notFound);
    } else notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
