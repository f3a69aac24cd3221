import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { Deps } from '../deps.js';
import { errors, jsonBody, jsonResponse } from '../http/openapi.js';
import { programExample } from './program-example.js';
import { ProgramExampleRequestSchema, ProgramExampleSchema } from './program-example.schemas.js';

const exampleRoute = createRoute({
  method: 'post',
  path: '/programs/example',
  tags: ['admin'],
  summary: 'What a program pays, before it is saved: a sale to the partner and their parent, and a lead',
  description:
    'Send the program as the create-program body (unsaved; nothing is written) and optionally the sale (`saleAmount` in cents, default 10000; `items` as POST /track/sales takes them; `payment` of a subscription). ' +
    'The engine’s own commission planner prices it for a partner with a parent, exactly as a real sale and lead would be. Amounts in cents: the console formats them.',
  security: [{ adminKey: [] }],
  request: jsonBody(ProgramExampleRequestSchema),
  responses: { 200: jsonResponse(ProgramExampleSchema, 'The commissions it would pay'), 400: errors[400], 401: errors[401] },
});

export function registerProgramExampleRoute<E extends Env>(app: OpenAPIHono<E>, deps: Deps) {
  app.openapi(exampleRoute, async (c) => c.json(await programExample(deps, c.req.valid('json')), 200));
}
