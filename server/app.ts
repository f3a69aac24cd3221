import { readFileSync } from 'node:fs';
import { except } from 'hono/combine';
import type { Deps } from './deps.js';
import { getSettings } from './catalog/settings.js';
import { errorBody, toErrorResponse } from './http/errors.js';
import { corsHeaders } from './http/cors.js';
import { securityHeaders } from './http/headers.js';
import { limitBody, refuseNulInJson, refuseNulInUrl, requireAdmin, requireJson } from './http/middleware.js';
import { router, serveApiDocument } from './http/openapi.js';
import { serveBundles } from './http/static.js';
import { catalogRoutes } from './catalog/routes.js';
import { consoleRoutes } from './http/console.routes.js';
import { isUnsubscribe, mailRoutes } from './mail/routes.js';
import { demoOutboxRoutes } from './mail/demo-outbox.js';
import { merchantRoutes } from './merchants/routes.js';
import { systemRoutes } from './http/system.routes.js';
import { moneyRoutes } from './money/routes.js';
import { partnerRoutes } from './partners/routes.js';
import { isImageUpload, resourceRoutes } from './resources/routes.js';
import { redirectRoutes } from './tracking/redirect.routes.js';
import { trackingRoutes } from './tracking/routes.js';
import { integrationRoutes, isIntegrationWebhook } from './integrations/routes.js';
import { webhookRoutes } from './webhooks/routes.js';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const demoPage = new URL('./demo/index.html', import.meta.url);
const demoPortalPage = new URL('./demo/portal.html', import.meta.url);

/** The whole HTTP surface. Never listens: `main.ts` serves it, tests call `app.request()`. */
export function createApp(deps: Deps) {
  const app = router();
  const origins = deps.config.allowedOrigins;
  app.use('*', securityHeaders(deps));
  app.use('*', refuseNulInUrl());

  app.use(
    '/api/*',
    corsHeaders({
      // ALLOWED_ORIGINS, plus the origins the merchant adds in settings.allowedOrigins
      origin: origins.includes('*')
        ? '*'
        : async (origin) => {
            if (origins.includes(origin)) return origin;
            const extra = (await getSettings(deps)).allowedOrigins;
            return extra.includes('*') || extra.includes(origin) ? origin : null;
          },
      allowHeaders: ['Authorization', 'Content-Type', 'Accept'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['Retry-After', 'Content-Disposition'],
      maxAge: 600,
    }),
  );
  // JSON bodies of at most 100 KB, but for the raw image upload (≤ 2 MB, its own rule) and the
  // one-click unsubscribe, which mail clients post form-encoded (its body is never read), and
  // Stripe's and Shopify's webhooks, read raw for their signatures (≤ 1 MB, their own rule)
  app.use('/api/*', except((c) => isImageUpload(c) || isUnsubscribe(c) || isIntegrationWebhook(c), limitBody(), requireJson(), refuseNulInJson()));
  // The merchant's API: `Authorization: Bearer <admin key>` (a key from `partner-center
  // admin-key create`, or PARTNER_CENTER_ADMIN_KEY) or a merchant user's token (within the
  // user's role) on all of /api/v1/admin, unknown paths included, but for the merchant user's
  // own sign-in under /admin/auth; partner tokens never pass. The security schemes
  // (`adminKey`, `merchantToken`) are registered below.
  app.use('/api/v1/admin/*', except('/api/v1/admin/auth/*', requireAdmin(deps)));

  // one router per capability, each holding its routes next to its rules
  app.route('/api/v1', systemRoutes(deps, VERSION));
  app.route('/api/v1', partnerRoutes(deps));
  app.route('/api/v1', merchantRoutes(deps));
  app.route('/api/v1', catalogRoutes(deps));
  app.route('/api/v1', moneyRoutes(deps));
  app.route('/api/v1', mailRoutes(deps));
  app.route('/api/v1', integrationRoutes(deps)); // coupon codes, connector settings, Stripe's and Shopify's webhooks
  app.route('/api/v1', webhookRoutes(deps));
  app.route('/', trackingRoutes(deps)); // before the static files: a redirect never touches the disk
  app.route('/', resourceRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'partnerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /api/v1/auth/login',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An admin API key (partner-center admin-key create, or PARTNER_CENTER_ADMIN_KEY): full access. A merchant user’s token works on the same routes within its role',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'merchantToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A merchant user’s token from POST /api/v1/admin/auth/login: works on /api/v1/admin/* within the user’s role',
  });
  serveApiDocument(
    app,
    '/api/v1/openapi.json',
    {
      title: 'Partner Center API',
      version: VERSION,
      description: 'Partner authentication, partner data, tracking and the merchant admin API. Errors are always `{ "error": { "code", "message", "field"? } }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    deps.config.publicUrl,
  );

  // The browser bundles: /partner-center.js, /loader.js, /components/*.js, /chunks/*.js
  app.use('/*', serveBundles(deps.config.distDir));
  app.route('/', consoleRoutes()); // /admin: the merchant console (its bundle is /admin.js)
  if (deps.config.demo) {
    app.get('/', (c) => c.html(readFileSync(demoPage, 'utf8')));
    app.route('/', demoOutboxRoutes(deps)); // /demo/outbox: the mail the demo kept, links clickable
    // the one-tag page: the demo page with its <main> swapped for <partner-center>
    app.get('/portal', (c) => {
      const page = readFileSync(demoPage, 'utf8');
      const main = readFileSync(demoPortalPage, 'utf8');
      return c.html(page.slice(0, page.indexOf('    <main>')) + main + page.slice(page.indexOf('    </main>') + '    </main>\n'.length));
    });
  }

  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404));
  app.onError(toErrorResponse);

  // The partner's redirect link is by far the busiest route, and with some 340 routes the app's
  // router is a trie whose search costs each redirect a few µs: GET /r/<code>/<slug> goes to a
  // router of its own instead, with the middleware the app gives it (security headers, no NUL in
  // the address) and the same error handling. (Its OpenAPI entry stays in the app's document.)
  const redirects = router();
  redirects.use('*', securityHeaders(deps));
  redirects.use('*', refuseNulInUrl());
  redirects.route('/', redirectRoutes(deps));
  redirects.onError(toErrorResponse);
  const dispatch = app.fetch;
  app.fetch = (request, ...rest) => (request.method === 'GET' && REDIRECT_URL.test(request.url) ? redirects.fetch(request, ...rest) : dispatch(request, ...rest));
  return app;
}

/** An absolute URL whose path is /r/<code>/<slug> exactly. */
const REDIRECT_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\/r\/[^/?#]+\/[^/?#]+(?:[?#]|$)/i;

export type App = ReturnType<typeof createApp>;
