import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { validationError } from './errors.js';

export { z };

/** A sub-app whose validation failures use the API's error envelope. Every route module starts here. */
export const router = <E extends Env = Env>() =>
  new OpenAPIHono<E>({
    defaultHook: (result, c) => {
      if (!result.success) return validationError(c, result.error);
    },
  });

/** The error envelope, for response documentation. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: 'code: is required' }),
      field: z.string().optional().openapi({ example: 'code' }),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });

/** Standard error responses to spread into a route's `responses`. */
export const errors = {
  400: errorResponse('The request is invalid; `field` names the problem'),
  401: errorResponse('Missing, unknown or expired credentials'),
  403: errorResponse('Not allowed'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflicts with existing data'),
  413: errorResponse('The body is larger than 100 KB'),
  415: errorResponse('The body is not JSON'),
  422: errorResponse('Well-formed but not possible'),
  429: errorResponse('Too many attempts; see Retry-After'),
  503: errorResponse('Not available now (e.g. the database cannot be reached, or a connector is not configured)'),
} as const;

/** A JSON request body, required (so a missing or non-JSON body is refused, not treated as `{}`). */
export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  body: { content: { 'application/json': { schema } }, required: true, ...(description ? { description } : {}) },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

type Document = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
type Operation = { operationId?: string; security?: unknown[] };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The operationId a route gets when it names none: the method, then each path segment in
 * camelCase without the `/api/v1` prefix, a path parameter as `By<Name>`:
 * `GET /api/v1/admin/partners/{code}` → `getAdminPartnersByCode`, `GET /api/v1/qr.svg` → `getQrSvg`.
 */
export function operationIdFor(method: string, path: string): string {
  const words = (path.replace(/^\/api\/v1(?=\/)/, '').match(/\{[^}]+\}|[A-Za-z0-9]+/g) ?? []).map((token) =>
    token.startsWith('{') ? `By${(token.slice(1, -1).match(/[A-Za-z0-9]+/g) ?? []).map(capitalize).join('')}` : capitalize(token),
  );
  return method.toLowerCase() + words.join('');
}

/**
 * Completes the generated document where route files stay silent: an operation without an
 * `operationId` gets {@link operationIdFor}'s, and one without `security` is public
 * (`security: []`) — routes behind a sign-in or an admin key name their scheme. Throws when two
 * operations share an id, so a clash fails the OpenAPI test instead of reaching clients.
 */
export function completeDocument(document: Document): Document {
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      operation.operationId ??= operationIdFor(method, path);
      operation.security ??= [];
      const where = `${method.toUpperCase()} ${path}`;
      const other = seen.get(operation.operationId);
      if (other) throw new Error(`operationId ${operation.operationId} is used by both ${other} and ${where}`);
      seen.set(operation.operationId, where);
    }
  }
  return document;
}

/**
 * Serves the OpenAPI 3.1 document at `path`: every route registered on `app` so far and later,
 * completed by {@link completeDocument}, with `servers` naming this server (`publicUrl`, else
 * the origin the request came to).
 */
export function serveApiDocument(app: OpenAPIHono<any>, path: string, info: Document['info'], publicUrl?: string) {
  app.get(path, (c) => {
    const url = publicUrl ?? new URL(c.req.url).origin;
    const document = app.getOpenAPI31Document({ openapi: '3.1.0', info, servers: [{ url, description: 'This Partner Center server' }] });
    return c.json(completeDocument(document));
  });
}
