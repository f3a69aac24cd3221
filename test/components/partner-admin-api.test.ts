import { expect } from '@open-wc/testing';
import { HttpAdminApi } from '../../admin/api/client.js';
import { AdminSession } from '../../admin/api/session.js';
import { ApiError } from '../../src/api/errors.js';

/** The console's HTTP client against a stubbed fetch: paths, bearer token, cursors, errors. */
const realFetch = window.fetch;
let requests: Request[] = [];
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  };
}
const signedIn = () => {
  const session = new AdminSession(null);
  session.start({ token: 'adm_token', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: { id: 1, email: 'o@example.com', role: 'owner', status: 'active', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } });
  return session;
};

afterEach(() => {
  window.fetch = realFetch;
  requests = [];
});

describe('HttpAdminApi', () => {
  it('lists partners with the filters and the cursor, sending the bearer token', async () => {
    answer(200, { partners: [], total: 0, nextCursor: null });
    const api = new HttpAdminApi('https://pc.example', signedIn());
    await api.partners({ q: 'ann', status: 'pending', sort: 'name', order: 'asc', cursor: 'abc', limit: 50 });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).to.equal('/api/v1/admin/partners');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ q: 'ann', status: 'pending', sort: 'name', order: 'asc', cursor: 'abc', limit: '50' });
    expect(requests[0]!.headers.get('Authorization')).to.equal('Bearer adm_token');
  });

  it('posts the actions to their routes', async () => {
    answer(200, { approved: [], skipped: [{ id: 1, reason: 'not_found', message: 'Commission 1 does not exist' }] });
    const api = new HttpAdminApi('https://pc.example', signedIn());
    await api.approveCommissions([1, 2]);
    await api.rejectPartner('a b', 'No fit');
    await api.reverseCommission(7, 'fraud');
    await api.embedToken('ann');
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.deep.equal([
      'POST /api/v1/admin/commissions/approve',
      'POST /api/v1/admin/partners/a%20b/reject',
      'POST /api/v1/admin/commissions/7/reverse',
      'POST /api/v1/admin/embed-tokens',
    ]);
    expect(await requests[0]!.json()).to.deep.equal({ ids: [1, 2] });
    expect(await requests[1]!.json()).to.deep.equal({ reason: 'No fit' });
    expect(await requests[2]!.json()).to.deep.equal({ note: 'fraud' });
    expect(await requests[3]!.json()).to.deep.equal({ partnerCode: 'ann' });
  });

  it('reads the merchant currency from the public portal settings', async () => {
    answer(200, { currency: 'EUR' });
    expect(await new HttpAdminApi('https://pc.example', signedIn()).currency()).to.equal('EUR');
    expect(new URL(requests[0]!.url).pathname).to.equal('/api/v1/portal');
  });

  it('turns the error envelope into an ApiError, with Retry-After on a lockout', async () => {
    answer(429, { error: { code: 'too_many_attempts', message: 'Too many attempts.' } }, { 'Retry-After': '120' });
    const error = await new HttpAdminApi('https://pc.example', new AdminSession(null)).login({ email: 'o@example.com', password: 'x' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect(error).to.include({ status: 429, code: 'too_many_attempts', retryAfter: 120 });
  });

  it('ends the console session when a signed-in call answers 401, and keeps it on a 403', async () => {
    const session = signedIn();
    const api = new HttpAdminApi('https://pc.example', session);
    answer(403, { error: { code: 'forbidden', message: 'Staff users cannot record payments.' } });
    const refused = await api.commissions({}).catch((e: unknown) => e);
    expect(refused).to.include({ status: 403, message: 'Staff users cannot record payments.' });
    expect(session.current).to.not.equal(null);
    answer(401, { error: { code: 'unauthorized', message: 'Sign in again.' } });
    await api.partners({}).catch(() => undefined);
    expect(session.current).to.equal(null);
  });
});
