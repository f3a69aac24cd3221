import { createRoute } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { errors, jsonResponse, router, z } from './openapi.js';

const Health = z.object({ status: z.literal('ok'), version: z.string(), time: z.string() }).openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and database check',
  description: 'For load balancers: 200 once this instance can reach its database, 503 (`database_unavailable`) while it cannot.',
  responses: { 200: jsonResponse(Health, 'The server and its database answer'), 503: errors[503] },
});

export function systemRoutes(deps: Deps, version: string) {
  const app = router();
  app.openapi(healthRoute, async (c) => {
    try {
      await sql`select 1`.execute(deps.db.kysely);
    } catch {
      return c.json({ error: { code: 'database_unavailable', message: 'This instance cannot reach its database' } }, 503);
    }
    return c.json({ status: 'ok' as const, version, time: new Date(deps.clock()).toISOString() }, 200);
  });
  return app;
}
