import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaticServer {
  /** e.g. http://127.0.0.1:43127 */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Serves a folder (read-only, GET/HEAD) on a free port of 127.0.0.1. */
export async function serveStatic(dir: URL): Promise<StaticServer> {
  const root = fileURLToPath(dir).replace(/[\\/]*$/, sep);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      let file = normalize(join(root, pathname));
      if (!(file + sep).startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = join(file, 'index.html');
      else if (!info) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${pathname}`);
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const stream = createReadStream(file);
      stream.once('error', () => res.writeHead(404).end());
      stream.once('open', () => {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'max-age=600' });
        if (req.method === 'HEAD') {
          stream.destroy();
          res.end();
        } else stream.pipe(res);
      });
    } catch {
      res.writeHead(400).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
