import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export interface CorsOptions {
  /** '*', or who decides an origin: the origin to allow, or null */
  origin: '*' | ((origin: string) => string | null | Promise<string | null>);
  allowHeaders: string[];
  allowMethods: string[];
  exposeHeaders: string[];
  maxAge: number;
}

/**
 * CORS for the API: hono's `cors` answers preflights (OPTIONS); every other request gets the
 * same headers hono's would give it, set on the answer once it is made. Hono's own sets them on
 * `c.res` before the route runs, and the route's answer is then copied into a second Response
 * built from a body stream (and copied again for `Vary`) — about a quarter of a small POST's
 * time in a profile of POST /api/v1/track/sales.
 */
export function corsHeaders(options: CorsOptions): MiddlewareHandler {
  const preflight = cors(options);
  const expose = options.exposeHeaders.join(',');
  const allowOf = (origin: string): string | null | Promise<string | null> =>
    options.origin === '*' ? '*' : origin ? options.origin(origin) : null; // no Origin header: nothing to allow
  return async function corsMiddleware(c: Context, next) {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const allowed = allowOf(c.req.header('origin') ?? '');
    const allow = typeof allowed === 'string' || allowed === null ? allowed : await allowed;
    await next();
    const headers = c.res.headers;
    if (allow) headers.set('Access-Control-Allow-Origin', allow);
    if (expose) headers.set('Access-Control-Expose-Headers', expose);
    if (options.origin !== '*') headers.append('Vary', 'Origin');
  };
}
