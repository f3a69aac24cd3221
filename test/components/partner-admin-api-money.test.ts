import { expect } from '@open-wc/testing';
import { HttpAdminApi } from '../../admin/api/client.js';
import { AdminSession } from '../../admin/api/session.js';

/** The console's HTTP client for Payouts, Dashboard and Audit log, against a stubbed fetch. */
const realFetch = window.fetch;
let requests: Request[] = [];
function answer(status: number, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response(body, { status, headers });
  };
}
const api = () => {
  const session = new AdminSession(null);
  session.start({ token: 'adm_token', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: { id: 1, email: 'o@example.com', role: 'owner', status: 'active', createdAt: '2026-01-01T09:00:00.000Z', updatedAt: '2026-01-01T09:00:00.000Z' } });
  return new HttpAdminApi('https://pc.example', session);
};
const sent = (r: Request) => { const u = new URL(r.url); return `${r.method} ${u.pathname}${u.search}`; };

afterEach(() => {
  window.fetch = realFetch;
  requests = [];
});

describe('HttpAdminApi: payouts, dashboard, audit', () => {
  it('records one payment and a batch, reads payouts due and the history', async () => {
    answer(200, JSON.stringify({ payments: [], nextCursor: null }));
    const client = api();
    await client.recordPayment('ann', 5_000, { method: 'PayPal' });
    await client.recordPaymentBatch({ payments: [{ partner: 'ann', amount: 5_000 }], reference: 'R-1' });
    await client.payoutsDue({ limit: 100, cursor: 'c1' });
    expect(await client.payments({ batch: 7, limit: 25, cursor: 'c2' })).to.deep.equal({ payments: [], nextCursor: null });
    expect(requests.map(sent)).to.deep.equal([
      'POST /api/v1/admin/payments',
      'POST /api/v1/admin/payments/batch',
      'GET /api/v1/admin/payouts?limit=100&cursor=c1',
      'GET /api/v1/admin/payments?batch=7&limit=25&cursor=c2',
    ]);
    expect(await requests[0]!.json()).to.deep.equal({ partnerCode: 'ann', amount: 5_000, method: 'PayPal' });
    expect(await requests[1]!.json()).to.deep.equal({ payments: [{ partner: 'ann', amount: 5_000 }], reference: 'R-1' });
  });

  it('lists payout requests by status and declines one with its note (issue 14)', async () => {
    answer(200, JSON.stringify({ requests: [], nextCursor: null }));
    const client = api();
    expect(await client.payoutRequests({ status: 'open', limit: 50, cursor: 'c3' })).to.deep.equal({ requests: [], nextCursor: null });
    await client.declinePayoutRequest(4, 'Invoice missing');
    expect(requests.map(sent)).to.deep.equal(['GET /api/v1/admin/payout-requests?status=open&limit=50&cursor=c3', 'POST /api/v1/admin/payout-requests/4/decline']);
    expect(requests[1]!.headers.get('Authorization')).to.equal('Bearer adm_token');
    expect(await requests[1]!.json()).to.deep.equal({ note: 'Invoice missing' });
  });

  it('downloads CSV with the bearer token and the server’s file name', async () => {
    answer(200, 'a,b\r\n', { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="payouts-wise-2026-03-02.csv"' });
    const client = api();
    const file = await client.downloadPayoutsCsv('wise');
    expect(file.filename).to.equal('payouts-wise-2026-03-02.csv');
    expect(await file.blob.text()).to.equal('a,b\r\n');
    await client.downloadAuditCsv({ actor: 'cli', cursor: '9', limit: 50 });
    expect(requests.map(sent)).to.deep.equal(['GET /api/v1/admin/payouts?layout=wise&format=csv', 'GET /api/v1/admin/audit?actor=cli&format=csv']);
    expect(requests.every((r) => r.headers.get('Authorization') === 'Bearer adm_token')).to.equal(true);
    expect(requests[0]!.headers.get('Accept')).to.equal('text/csv');
  });

  it('reads the dashboard and the audit log with their filters', async () => {
    answer(200, JSON.stringify({ items: [], nextCursor: null }));
    const client = api();
    await client.dashboard({ from: '2026-03-01T00:00:00.000+00:00', to: '2026-03-07T23:59:59.999+00:00', timeZone: 'UTC' });
    await client.audit({ targetType: 'partner', targetId: 'ann', cursor: '12', limit: 50 });
    const [dashboard, audit] = requests.map((r) => new URL(r.url));
    expect(dashboard!.pathname).to.equal('/api/v1/admin/dashboard');
    expect(Object.fromEntries(dashboard!.searchParams)).to.deep.equal({ from: '2026-03-01T00:00:00.000+00:00', to: '2026-03-07T23:59:59.999+00:00', timeZone: 'UTC' });
    expect(audit!.pathname).to.equal('/api/v1/admin/audit');
    expect(Object.fromEntries(audit!.searchParams)).to.deep.equal({ targetType: 'partner', targetId: 'ann', cursor: '12', limit: '50' });
  });
});
