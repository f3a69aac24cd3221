import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { App } from '../app.js';
import type { Deps } from '../deps.js';
import { nodeRedirects } from '../tracking/redirect.routes.js';

/**
 * Serves `app` over HTTP as @hono/node-server's `serve` does, but for partners' redirect links,
 * answered first on a path of their own straight from Node's request (see nodeRedirects: the
 * busiest route, and much of a bare redirect's cost is the WHATWG Request and Response around
 * it). Resolves once it listens (`port: 0`: any free port).
 */
export function listen(app: App, deps: Deps, options: { port: number; hostname: string }): Promise<Server> {
  const redirects = nodeRedirects(deps);
  const appListener = getRequestListener(app.fetch, { hostname: options.hostname });
  const server = createServer((req, res) => redirects(req, res, () => void appListener(req, res)));
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.hostname, () => {
      server.off('error', fail);
      ready(server);
    });
  });
}
