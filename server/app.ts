import { existsSync, readFileSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { cors } from 'hono/cors';
import type { Deps } from './deps.js';
import { errorBody, toErrorResponse } from './http/errors.js';
import { limitBody, requireJson } from './http/middleware.js';
import { router } from './http/openapi.js';
import { authRoutes } from './routes/auth.js';
import { meRoutes } from './routes/me.js';
import { partnerReportRoutes } from './routes/partner-reports.js';
import { systemRoutes } from './routes/system.js';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const demoPage = new URL('./demo/index.html', import.meta.url);

/** The whole HTTP surface. Never listens: `main.ts` serves it, tests call `app.request()`. */
export function createApp(deps: Deps) {
  const app = router();
  const origins = deps.config.allowedOrigins;

  app.use(
    '/api/*',
    cors({
      origin: origins.includes('*') ? '*' : (origin) => (origins.includes(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'Accept'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['Retry-After', 'Content-Disposition'],
      maxAge: 600,
    }),
  );
  app.use('/api/*', limitBody(), requireJson());

  app.route('/api/v1', systemRoutes(deps, VERSION));
  app.route('/api/v1/auth', authRoutes(deps));
  app.route('/api/v1', meRoutes(deps));
  app.route('/api/v1/partner', partnerReportRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'partnerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /api/v1/auth/login',
  });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Partner Center API',
      version: VERSION,
      description: 'Partner authentication, partner data, tracking and the merchant admin API. Errors are always `{ "error": { "code", "message", "field"? } }`.',
    },
  });

  // The browser bundles: /partner-center.js, /loader.js, /components/*.js, /chunks/*.js
  if (existsSync(deps.config.distDir)) {
    app.use(
      '/*',
      serveStatic({
      root: deps.config.distDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=300');
          c.header('Access-Control-Allow-Origin', '*');
        },
      }),
    );
  }
  if (deps.config.demo) {
    app.get('/', (c) => c.html(readFileSync(demoPage, 'utf8')));
  }

  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404));
  app.onError(toErrorResponse);
  return app;
}

export type App = ReturnType<typeof createApp>;
