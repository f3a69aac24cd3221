import { readFileSync } from 'node:fs';
import { cors } from 'hono/cors';
import type { Deps } from './deps.js';
import { getSettings } from './catalog/settings.js';
import { errorBody, toErrorResponse } from './http/errors.js';
import { securityHeaders } from './http/headers.js';
import { limitBody, requireJson } from './http/middleware.js';
import { router, serveApiDocument } from './http/openapi.js';
import { serveBundles } from './http/static.js';
import { adminRoutes } from './http/admin.routes.js';
import { merchantAuthRoutes } from './merchants/auth.routes.js';
import { adminResourceRoutes, adminUploadRoutes, uploadServingRoutes } from './resources/admin.routes.js';
import { authRoutes } from './partners/auth.routes.js';
import { embedRoutes } from './partners/embed.routes.js';
import { meRoutes } from './partners/me.routes.js';
import { partnerHomeRoutes } from './catalog/partner-home.routes.js';
import { redirectRoutes } from './tracking/redirect.routes.js';
import { partnerResourceRoutes, qrRoutes } from './resources/partner.routes.js';
import { partnerReportRoutes } from './money/partner-reports.routes.js';
import { systemRoutes } from './http/system.routes.js';
import { trackRoutes } from './tracking/track.routes.js';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const demoPage = new URL('./demo/index.html', import.meta.url);
const demoPortalPage = new URL('./demo/portal.html', import.meta.url);

/** The whole HTTP surface. Never listens: `main.ts` serves it, tests call `app.request()`. */
export function createApp(deps: Deps) {
  const app = router();
  const origins = deps.config.allowedOrigins;
  app.use('*', securityHeaders(deps));

  app.use(
    '/api/*',
    cors({
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
  // raw image uploads (≤ 2 MB) come before the JSON-only, 100 KB rule below
  app.route('/api/v1/admin', adminUploadRoutes(deps));
  app.use('/api/*', limitBody(), requireJson());

  app.route('/api/v1', systemRoutes(deps, VERSION));
  app.route('/api/v1/auth', authRoutes(deps));
  app.route('/api/v1', meRoutes(deps));
  app.route('/api/v1', partnerHomeRoutes(deps));
  app.route('/api/v1', embedRoutes(deps));
  app.route('/api/v1/admin', merchantAuthRoutes(deps)); // before the admin routes: sign-in needs no credentials
  app.route('/api/v1/admin', adminRoutes(deps));
  app.route('/api/v1/track', trackRoutes(deps));
  app.route('/', redirectRoutes(deps)); // before the static files: a redirect never touches the disk
  app.route('/api/v1/partner', partnerResourceRoutes(deps));
  app.route('/api/v1/admin', adminResourceRoutes(deps));
  app.route('/api/v1', qrRoutes(deps));
  app.route('/', uploadServingRoutes(deps));
  app.route('/api/v1/partner', partnerReportRoutes(deps));

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
  if (deps.config.demo) {
    app.get('/', (c) => c.html(readFileSync(demoPage, 'utf8')));
    // the one-tag page: the demo page with its <main> swapped for <partner-center>
    app.get('/portal', (c) => {
      const page = readFileSync(demoPage, 'utf8');
      const main = readFileSync(demoPortalPage, 'utf8');
      return c.html(page.slice(0, page.indexOf('    <main>')) + main + page.slice(page.indexOf('    </main>') + '    </main>\n'.length));
    });
  }

  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404));
  app.onError(toErrorResponse);
  return app;
}

export type App = ReturnType<typeof createApp>;
