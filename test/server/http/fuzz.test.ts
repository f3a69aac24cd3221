import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { passwordResetsSettled } from '../../../server/partners/password-reset.js';
import { ADMIN_KEY } from '../../helpers/engine.js';
import { fillPath, fingerprint, jsonBodySchema, openApiCast, operations, type OpenApiCast, type Operation } from '../../helpers/openapi-cast.js';
import { schemaArbitrary } from '../../helpers/schema-arbitrary.js';

/**
 * Every operation of the OpenAPI document that takes a JSON body, query parameters or path
 * parameters gets requests generated from its schemas (fast-check): never a 5xx, and a refused
 * (4xx) request changes nothing in the database. FUZZ_RUNS (default 12) is the number of
 * requests per operation; raise it for a longer hunt (FUZZ_RUNS=500), FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let cast: OpenApiCast;
before(async () => {
  cast = await openApiCast();
});
after(() => cast.s.close());

function requestArbitrary(doc: any, { path, op }: Operation) {
  const body = jsonBodySchema(doc, op);
  const parameters: any[] = op.parameters ?? [];
  const query = parameters.filter((p) => p.in === 'query');
  const pathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name as string);
  const queryArb = fc.record(
    Object.fromEntries(query.map((p) => [p.name, schemaArbitrary(doc, p.schema).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))])),
    { requiredKeys: [] },
  );
  // each path parameter: an id that exists (half the time) or anything at all
  const pathArb = fc.record(Object.fromEntries(pathParams.map((name) => [name, fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)), { freq: 2 })])), { requiredKeys: [] });
  return fc.record({
    body: body ? schemaArbitrary(doc, body) : fc.constant(undefined),
    query: queryArb,
    params: pathArb,
  }).map(({ body: b, query: q, params }) => {
    const url = fillPath(path, cast.ids, (name) => (params as Record<string, string | null | undefined>)[name] ?? undefined);
    const search = new URLSearchParams(q as Record<string, string>).toString();
    return { url: search ? `${url}?${search}` : url, body: b };
  });
}

describe('fuzzing from the OpenAPI schemas', () => {
  test(`${RUNS} generated requests per operation: no 5xx, and a refused request changes nothing`, async () => {
    const all = operations(cast.doc).filter(({ op }) => jsonBodySchema(cast.doc, op) || (op.parameters ?? []).length);
    assert.ok(all.length >= 45, `only ${all.length} operations with a body or parameters in the document`);
    // the partner's own routes first: an admin call may end the partner's sessions
    const ordered = [...all.filter((o) => o.security !== 'adminKey'), ...all.filter((o) => o.security === 'adminKey')];
    let sent = 0;
    for (const operation of ordered) {
      const { method, op, security } = operation;
      const token = security === 'adminKey' ? ADMIN_KEY : security === 'partnerToken' ? cast.ownerToken : undefined;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(cast.doc, operation), async ({ url, body }) => {
          // a reset request answered earlier writes its token and mail after its answer: let it land first
          await passwordResetsSettled();
          const before = await fingerprint(cast.s.db);
          const res = await cast.s.call(method, url, { token, body: jsonBodySchema(cast.doc, op) ? (body === undefined ? 'null' : JSON.stringify(body)) : undefined });
          await passwordResetsSettled();
          sent++;
          assert.ok(res.status < 500, `${method} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`);
          if (res.status >= 400) {
            // JSON answers carry the error envelope; a partner's link (/r/…) answers with a plain page
            if (url.startsWith('/api/') || /json/.test(res.headers.get('content-type') ?? '')) assert.equal(typeof res.json?.error?.code, 'string', `${method} ${url} → ${res.status} without an error envelope`);
            else assert.match(res.headers.get('content-type') ?? '', /^text\/html/, `${method} ${url} → ${res.status} without an error page`);
            assert.equal(await fingerprint(cast.s.db), before, `${method} ${url} ${JSON.stringify(body)?.slice(0, 300)} was refused (${res.status}) but changed the database`);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    assert.ok(sent >= all.length * RUNS);
  });
});
