import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { findAdminKey } from '../merchants/admin-keys.js';
import { runAs, type Actor } from '../merchants/actor.js';
import { refusalFor } from '../merchants/roles.js';
import { authenticateMerchant } from '../merchants/users.js';
import { authenticate } from '../partners/auth.js';
import { DomainError } from '../shared/errors.js';
import { errorBody } from './errors.js';

export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Refuses bodies over `maxSize` (100 KB by default) with 413 before they are read whole. The
 * answer says `Connection: close`: the rest of the refused body may still be on its way, so the
 * connection is not reused and the client's next request goes out on a fresh one.
 */
export const limitBody = (maxSize = MAX_BODY_BYTES, message = `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`) => {
  const tooLarge = (c: Context) => c.json(errorBody('payload_too_large', message), 413, { Connection: 'close' });
  // `app.request()` and other runtimes: Hono's own, reading the Request's stream
  const onRequest = bodyLimit({ maxSize, onError: tooLarge });
  return createMiddleware(async (c, next) => {
    // a GET or HEAD has no body (and asking a Request for one would build it)
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || incoming.readableEnded) return onRequest(c, next);
    const body = await readBody(incoming, maxSize);
    if (body === TOO_LARGE) return tooLarge(c);
    cacheBody(c, body);
    await next();
  });
};

const TOO_LARGE = Symbol('too large');

/**
 * The body straight from Node's request (served by @hono/node-server), at most `maxSize` bytes:
 * reading `c.req.raw`'s stream instead would first build a WHATWG Request and its ReadableStream
 * for it — about a tenth of a millisecond a POST, most of a sale's HTTP cost in a profile.
 * A declared or actual size over `maxSize` stops reading (the 413 closes the connection).
 */
function readBody(incoming: IncomingMessage, maxSize: number): Promise<Buffer | typeof TOO_LARGE> {
  const declared = Number(incoming.headers['content-length']);
  if (declared > maxSize && !incoming.headers['transfer-encoding']) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | typeof TOO_LARGE) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxSize) {
        incoming.pause();
        return done(TOO_LARGE);
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    const onError = (error: Error) => {
      incoming.off('data', onData).off('end', onEnd).off('close', onClose);
      reject(error);
    };
    // the client went away before the end: nobody is left to answer
    const onClose = () => !incoming.complete && onError(new Error('The request was cut off before its body ended'));
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/**
 * Hands the bytes read to Hono's body cache, so `c.req.text()`, `json()` and `arrayBuffer()`
 * answer from them (the same bytes, decoded as a Request would: UTF-8, a leading BOM dropped).
 */
function cacheBody(c: Context, body: Buffer) {
  const cache = c.req.bodyCache as Record<string, Promise<unknown> | undefined>;
  let text: Promise<string> | undefined;
  let json: Promise<unknown> | undefined;
  const textOf = () => (text ??= Promise.resolve(new TextDecoder().decode(body)));
  Object.defineProperties(cache, {
    arrayBuffer: { enumerable: true, configurable: true, get: () => Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)) },
    text: { enumerable: true, configurable: true, get: textOf },
    json: { enumerable: true, configurable: true, get: () => (json ??= textOf().then((t) => JSON.parse(t) as unknown)) },
  });
}

/** Writes with a body must send JSON: anything else is a 415 naming the problem. */
export const requireJson = () =>
  createMiddleware(async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
      const type = c.req.header('Content-Type');
      const length = c.req.header('Content-Length');
      const hasBody = type !== undefined || (length !== undefined && length !== '0');
      if (hasBody && !/^application\/([\w.+-]*\+)?json\b/i.test(type ?? '')) {
        return c.json(errorBody('unsupported_media_type', 'Send the request body as JSON with Content-Type: application/json'), 415);
      }
    }
    await next();
  });

/** `%00` in an address: a NUL character, percent-encoded. */
const NUL_IN_URL = /%00/i;
/** `\u0000` in JSON text, escaped once (an even run of backslashes before it is text, not an escape). */
const NUL_IN_JSON = /(?:^|[^\\])(?:\\\\)*\\u0000/;

/**
 * No field takes a NUL character (U+0000), and PostgreSQL's text cannot even hold one: a request
 * that carries one in its address ({@link refuseNulInUrl}) or its JSON body ({@link refuseNulInJson})
 * is a 400 naming it, before any route reads it, on either database.
 */
export const refuseNulInUrl = () =>
  createMiddleware(async (c, next) => {
    if (NUL_IN_URL.test(c.req.url)) return c.json(errorBody('invalid_request', 'The address contains a NUL character (%00), which no parameter accepts'), 400);
    await next();
  });

/** After {@link limitBody}; reading the text here costs nothing: Hono parses the JSON from it. */
export const refuseNulInJson = () =>
  createMiddleware(async (c, next) => {
    if (/json/i.test(c.req.header('Content-Type') ?? '') && NUL_IN_JSON.test(await c.req.text())) {
      return c.json(errorBody('invalid_request', 'The request body contains a NUL character (\\u0000), which no field accepts'), 400);
    }
    await next();
  });

export const bearerToken = (c: Context) => /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];

export type PartnerEnv = { Variables: { partner: PartnerRow; token: string } };

/** Partner routes: a valid, unexpired partner session token, or 401. Admin keys never pass here. */
export const requirePartner = (deps: Deps) =>
  createMiddleware<PartnerEnv>(async (c, next) => {
    const token = bearerToken(c);
    if (!token) throw new DomainError('unauthorized', 'unauthorized', 'Sign in first: send Authorization: Bearer <token>');
    const partner = await authenticate(deps, token);
    if (!partner) throw new DomainError('unauthorized', 'session_expired', 'Your session has ended. Please sign in again.');
    c.set('partner', partner);
    c.set('token', token);
    await next();
  });

export type AdminEnv = { Variables: { actor: Actor; token: string } };

const ADMIN_PREFIX = '/api/v1/admin';

/**
 * Merchant routes (admin API, server-to-server tracking): `Authorization: Bearer <token>` with
 * an admin API key (a key from `partner-center admin-key create` or PARTNER_CENTER_ADMIN_KEY:
 * full access) or a merchant user's sign-in token (POST /api/v1/admin/auth/login: within the
 * user's role, see merchants/roles.ts). Partner tokens never pass. The actor is put on the
 * context (`c.var.actor`) and made current for the request, so domain writes audit who did them.
 */
export const requireAdmin = (deps: Deps) =>
  createMiddleware(async (c, next) => {
    const token = bearerToken(c);
    if (!token) throw new DomainError('unauthorized', 'unauthorized', 'Send an admin API key or a merchant sign-in token: Authorization: Bearer <token>');
    let actor: Actor;
    const user = await authenticateMerchant(deps, token);
    if (user) {
      const path = c.req.path.startsWith(ADMIN_PREFIX) ? c.req.path.slice(ADMIN_PREFIX.length) : c.req.path;
      const refusal = refusalFor(user.role, c.req.method, path);
      if (refusal) throw new DomainError('forbidden', 'forbidden', refusal);
      actor = { type: 'user', id: user.id, email: user.email, role: user.role };
    } else if (token.startsWith('pcm_')) {
      throw new DomainError('unauthorized', 'session_expired', 'Your session has ended. Please sign in again.');
    } else {
      const key = await findAdminKey(deps, token);
      if (!key) throw new DomainError('unauthorized', 'invalid_admin_key', 'The admin API key is unknown or revoked');
      actor = { type: 'key', ...key };
    }
    const typed = c as unknown as Context<AdminEnv>;
    typed.set('actor', actor);
    typed.set('token', token);
    await runAs(actor, () => next());
  });

/** The origin partners' links are built on: PUBLIC_URL, else the origin of this request. */
export const publicBase = (c: Context, deps: Deps) => deps.config.publicUrl ?? new URL(c.req.url).origin;
