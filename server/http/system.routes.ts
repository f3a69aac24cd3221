import { createRoute } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { jsonResponse, router, z } from './openapi.js';

const Health = z.object({ status: z.literal('ok'), version: z.string(), time: z.string() }).openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and database check',
  responses: { 200: jsonResponse(Health, 'The server and its database answer') },
});

export function systemRoutes(deps: Deps, version: string) {
  const app = router();
  app.openapi(healthRoute, async (c) => {
    await sql`select 1`.execute(deps.db.kysely);
    return c.json({ status: 'ok' as const, version, time: new Date(deps.clock()).toISOString() }, 200);
  });
  return app;
}
