import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { cookieWindowDays, isRefusedTarget, recordClick, type ClickInput } from './clicks.js';
import { getSettings } from '../catalog/settings.js';
import { addressOf, clientAddress } from '../http/client-address.js';
import { router, z } from '../http/openapi.js';

const page = (title: string, message: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>` +
  `<body style="font:16px/1.5 system-ui,sans-serif;margin:4rem auto;max-width:32rem;padding:0 1rem"><h1>${title}</h1><p>${message}</p></body></html>`;

const NOT_FOUND = page('Link not found', 'This link does not exist or is no longer active.');
const REFUSED = page('Link refused', 'This link points to a site outside the merchant’s own sites, so it was not followed.');

/**
 * A request header (`name` in lower case), from Node's own header object when served by
 * @hono/node-server: no Headers object to build. A function of the module, not a closure made
 * per redirect.
 */
function headerOf(c: Context, raw: IncomingHttpHeaders | undefined, name: string): string | undefined {
  return raw ? (raw[name] as string | undefined) : c.req.header(name);
}

/** What following a partner's link answers: the redirect, or a page (no such link, a refused `to`). */
export type LinkAnswer = { status: 302; headers: Record<string, string> } | { status: 400 | 404; page: string };

/**
 * Follows a partner's link `/r/<code>/<slug>`: records the click (see recordClick) and says what
 * to answer. `https`: the attribution cookie is sent on HTTPS only. Shared by the route below and
 * the Node server's own redirect path ({@link nodeRedirects}).
 */
export async function followLink(deps: Deps, input: ClickInput, https: boolean): Promise<LinkAnswer> {
  let outcome;
  try {
    outcome = await recordClick(deps, input);
  } catch (err) {
    if (isRefusedTarget(err)) return { status: 400, page: REFUSED };
    throw err;
  }
  if (outcome.kind === 'not_found') return { status: 404, page: NOT_FOUND };
  const headers: Record<string, string> = { Location: outcome.location, 'Cache-Control': 'no-store' };
  if (outcome.cookie) {
    headers['Set-Cookie'] =
      `${outcome.cookie.name}=${outcome.cookie.value}; Max-Age=${outcome.cookie.maxAgeSeconds}; Path=/; HttpOnly; SameSite=Lax${https ? '; Secure' : ''}`;
  }
  return { status: 302, headers };
}

/** `/r/<code>/<slug>` with an optional query: code and slug with nothing to decode (no `%`). */
const LINK_PATH = /^\/r\/([^/?#%]+)\/([^/?#%]+)(?:\?([^#]*))?$/;
/** A NUL character in the address: the app refuses it (refuseNulInUrl). */
const NUL = /%00/i;

/**
 * The redirect served from Node's own request and response, before the app's router: no
 * WHATWG Request or Response is built, no middleware runs. It answers only the plain case — a
 * GET of `/r/<code>/<slug>` that redirects — and hands everything else to `next` (the app):
 * percent-encoded parts, a NUL in the address, a link that is not found or a `to` that is
 * refused (their pages carry the app's security headers; nothing was recorded for them), and
 * errors (the app's error handling answers; a click whose batch failed was not stored). The
 * answer is the route's own ({@link followLink}), so both paths redirect alike.
 */
export function nodeRedirects(deps: Deps) {
  const secure = deps.config.publicUrl?.startsWith('https:');
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = req.url ?? '';
    const match = req.method === 'GET' && !NUL.test(url) ? LINK_PATH.exec(url) : null;
    if (!match) return next();
    const query = match[3] === undefined ? undefined : new URLSearchParams(match[3]);
    const headers = req.headers;
    followLink(
      deps,
      {
        code: match[1]!,
        slug: match[2]!,
        ip: addressOf(req.socket.remoteAddress, deps.config.trustProxy === 0 ? undefined : (headers['x-forwarded-for'] as string | undefined), deps.config.trustProxy),
        userAgent: headers['user-agent'],
        referrer: headers.referer,
        sub: query?.get('sub') ?? undefined,
        to: query?.get('to') ?? undefined,
        cookieHeader: headers.cookie,
      },
      secure ?? 'encrypted' in req.socket,
    ).then(
      (answer) => {
        if (answer.status !== 302) return next();
        res.writeHead(302, answer.headers);
        res.end();
      },
      () => next(),
    );
  };
}

/**
 * The tracking surface outside /api: `GET /r/:code/:slug` (the partner's redirect link) and
 * `GET /track.js` (the merchant's site keeps the click id). Mounted before the static files so
 * a redirect never touches the disk.
 */
export function redirectRoutes(deps: Deps) {
  const app = router();
  const secure = deps.config.publicUrl?.startsWith('https:');

  app.get('/r/:code/:slug', async (c) => {
    const raw = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.headers;
    const query = c.req.url.includes('?');
    const answer = await followLink(
      deps,
      {
        code: c.req.param('code'),
        slug: c.req.param('slug'),
        ip: clientAddress(c, deps.config.trustProxy),
        userAgent: headerOf(c, raw, 'user-agent'),
        referrer: headerOf(c, raw, 'referer'),
        sub: query ? c.req.query('sub') : undefined,
        to: query ? c.req.query('to') : undefined,
        cookieHeader: headerOf(c, raw, 'cookie'),
      },
      secure ?? c.req.url.startsWith('https:'),
    );
    if (answer.status !== 302) return c.html(answer.page, answer.status, { 'Cache-Control': 'no-store' });
    // a plain header object lets @hono/node-server write the answer without building Headers
    return new Response(null, { status: 302, headers: answer.headers });
  });

  app.get('/track.js', async (c) => {
    const settings = await getSettings(deps);
    const days = await cookieWindowDays(deps, settings);
    return c.body(trackScript(settings.clickParam, days), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    });
  });

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/r/{code}/{slug}',
    operationId: 'followPartnerLink',
    tags: ['tracking'],
    summary: 'A partner’s redirect link: records the click and redirects (302)',
    description:
      'Records the click (time, link, partner, salted hash of the address, user agent, referrer, `sub`), sets the attribution cookie and ' +
      'redirects to the link’s destination with the click id appended (`?pc_click=<id>`, see settings.clickParam). `?sub=` (1–40 letters, digits, ' +
      '`._-`) is the partner’s ad code; `?to=` sends the visitor to another page on the allowed link domains (anything else: 400). ' +
      'Unknown or disabled partner, or a partner’s own link they disabled: redirect without a click (nothing is attributed). Unknown link or a merchant link that is disabled: 404 page.',
    request: {
      params: z.object({
        code: z.string().openapi({ description: 'The partner’s code', example: 'demo' }),
        slug: z.string().openapi({ description: 'The link’s slug', example: 'spring-sale' }),
      }),
      query: z.object({
        sub: z.string().optional().openapi({ description: 'The partner’s ad code: 1–40 letters, digits, `._-`' }),
        to: z.string().optional().openapi({ description: 'Another page on the allowed link domains to land on' }),
      }),
    },
    responses: { 302: { description: 'Redirect to the destination' }, 400: { description: 'A `to` outside the allowed domains' }, 404: { description: 'No such link' } },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/track.js',
    operationId: 'getTrackScript',
    tags: ['tracking'],
    summary: 'The script for the merchant’s site: keeps the click id in a first-party cookie',
    description: 'Exposes `window.PartnerCenter.clickId()` and fills `<input name="pc_click">` fields, so the checkout can send the click id with the sale; sets Stripe’s `client-reference-id` on `<stripe-pricing-table>` / `<stripe-buy-button>` and `client_reference_id` on Payment Links (buy.stripe.com).',
    responses: { 200: { description: 'JavaScript' } },
  });
  return app;
}

/**
 * The merchant-site script (under 1 KB): reads the click id from the landing URL, keeps it in a
 * first-party cookie for the attribution window, exposes it as `PartnerCenter.clickId()` and
 * fills hidden inputs named like the parameter, and Stripe's `client_reference_id` (the Stripe
 * connector attributes by it): on `<stripe-pricing-table>` / `<stripe-buy-button>` and on
 * Payment Links (https://buy.stripe.com/…). `data-cookie-domain` on the script tag shares
 * the cookie across subdomains (e.g. `.shop.example.com`).
 */
export function trackScript(param: string, days: number): string {
  return `/* Partner Center track.js */
(function () {
  var P = ${JSON.stringify(param)}, AGE = ${days * 86400};
  var script = document.currentScript, domain = script && script.getAttribute('data-cookie-domain');
  function read() {
    var m = document.cookie.match(new RegExp('(?:^|; )' + P + '=([a-f0-9]{32})(?:;|$)'));
    return m ? m[1] : null;
  }
  var fresh = null;
  try { fresh = new URLSearchParams(location.search).get(P); } catch (e) {}
  if (fresh && /^[a-f0-9]{32}$/.test(fresh)) {
    document.cookie = P + '=' + fresh + '; Max-Age=' + AGE + '; Path=/; SameSite=Lax' +
      (domain ? '; Domain=' + domain : '') + (location.protocol === 'https:' ? '; Secure' : '');
  }
  function clickId() { return read() || (fresh && /^[a-f0-9]{32}$/.test(fresh) ? fresh : null); }
  function fill() {
    var id = clickId(), i, inputs = document.querySelectorAll('input[name="' + P + '"]');
    if (!id) return;
    for (i = 0; i < inputs.length; i++) if (!inputs[i].value) inputs[i].value = id;
    var tables = document.querySelectorAll('stripe-pricing-table,stripe-buy-button');
    for (i = 0; i < tables.length; i++) if (!tables[i].getAttribute('client-reference-id')) tables[i].setAttribute('client-reference-id', id);
    var links = document.querySelectorAll('a[href^="https://buy.stripe.com/"]');
    for (i = 0; i < links.length; i++) if (links[i].href.indexOf('client_reference_id=') < 0) links[i].href += (links[i].href.indexOf('?') < 0 ? '?' : '&') + 'client_reference_id=' + id;
  }
  var api = window.PartnerCenter = window.PartnerCenter || {};
  api.clickParam = P;
  api.clickId = clickId;
  api.fillClickInputs = fill;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fill); else fill();
})();
`;
}
