import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../../server/main.js';
import { e2e, type E2E } from '../helpers/e2e.js';

const ADMIN_KEY = 'e2e-admin-key-0123456789abcdef';

let env: E2E;
before(async () => {
  env = await e2e({ adminKey: ADMIN_KEY });
});
after(() => env?.close());

async function api(method: string, path: string, body?: unknown, key = ADMIN_KEY) {
  const res = await fetch(`${env.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, text };
}

/** The ledger of a partner, oldest first, and the admin's view of the balance. */
async function books(code: string) {
  const res = await api('GET', `/api/v1/admin/partners/${code}/ledger?limit=500`);
  assert.equal(res.status, 200, res.text);
  const entries = [...res.json.entries].reverse() as { type: string; amount: number; balance: number; description: string }[];
  let running = 0;
  for (const e of entries) {
    running += e.amount;
    assert.equal(e.balance, running, 'every running balance adds up');
  }
  assert.equal(res.json.balance.balance, running, 'the balance is the sum of the ledger');
  return { entries, balance: res.json.balance };
}

test('with the admin API alone: program, partner, a click in a real browser, the sale, a partial refund, a payment — and the numbers add up', async () => {
  const program = await api('POST', '/api/v1/admin/programs', { name: 'E2E Affiliates', description: 'Ten percent', priority: 3, saleCommission: { type: 'percent', value: 1000 } });
  assert.equal(program.status, 201, program.text);
  const partner = await api('POST', '/api/v1/admin/partners', { code: 'e2e-alice', name: 'Alice E2E', email: 'alice@e2e.example', password: 'alice-e2e-password', programIds: [program.json.id], parentCode: 'demo' });
  assert.equal(partner.status, 201, partner.text);
  // the merchant's shop is the demo page here: it loads /track.js
  const link = await api('POST', '/api/v1/admin/links', { slug: 'e2e-landing', name: 'Landing page', destination: `${env.url}/?from=partner` });
  assert.equal(link.status, 201, link.text);

  // a visitor follows the partner's link in Chromium and lands on the shop with the click id
  const page = await env.page();
  const landed = await page.goto(`${env.url}/r/e2e-alice/e2e-landing?sub=launch-post`);
  assert.equal(landed?.status(), 200);
  const url = new URL(page.url());
  const clickId = url.searchParams.get('pc_click');
  assert.match(clickId ?? '', /^[a-f0-9]{32}$/);
  assert.equal(url.searchParams.get('from'), 'partner');
  // track.js keeps it for the checkout, also on the next page without the parameter
  await page.waitForFunction(() => (window as any).PartnerCenter?.clickId?.());
  assert.equal(await page.evaluate(() => (window as any).PartnerCenter.clickId()), clickId);
  await page.goto(`${env.url}/?page=checkout`);
  await page.waitForFunction(() => (window as any).PartnerCenter?.clickId?.());
  assert.equal(await page.evaluate(() => (window as any).PartnerCenter.clickId()), clickId);

  // the checkout sends the sale with the click id
  const saleBody = {
    orderId: 'E2E-1001',
    amount: 12000,
    currency: 'USD',
    clickId,
    customer: { email: 'customer@e2e.example', name: 'Casey Customer' },
    items: [{ productId: 'trail-pack', amount: 12000, quantity: 1 }],
  };
  const sale = await api('POST', '/api/v1/track/sales', saleBody);
  assert.equal(sale.status, 201, sale.text);
  assert.equal(sale.json.partnerCode, 'e2e-alice');
  assert.equal(sale.json.sub, 'launch-post');
  assert.deepEqual(sale.json.commissions.map((c: any) => [c.partnerCode, c.amount, c.status]), [['e2e-alice', 1200, 'pending']]);
  const again = await api('POST', '/api/v1/track/sales', saleBody);
  assert.equal(again.status, 200);
  assert.deepEqual(again.json, sale.json);

  // a partial refund claws back a quarter
  const refund = await api('POST', '/api/v1/track/refunds', { orderId: 'E2E-1001', amount: 3000 });
  assert.equal(refund.status, 201, refund.text);
  assert.deepEqual(refund.json.clawbacks.map((c: any) => [c.partnerCode, c.amount]), [['e2e-alice', 300]]);

  // pending money cannot be paid until approved
  const early = await api('POST', '/api/v1/admin/payments', { partnerCode: 'e2e-alice', amount: 900 });
  assert.equal(early.status, 422, early.text);
  assert.equal(early.json.error.code, 'exceeds_approved_balance');
  const approved = await api('POST', `/api/v1/admin/commissions/${sale.json.commissions[0].id}/approve`);
  assert.equal(approved.json.status, 'approved');
  const payment = await api('POST', '/api/v1/admin/payments', { partnerCode: 'e2e-alice', amount: 900, method: 'PayPal', reference: 'E2E-PAY-1' });
  assert.equal(payment.status, 201, payment.text);

  const { entries, balance } = await books('e2e-alice');
  assert.deepEqual(
    entries.map((e) => [e.type, e.amount, e.balance]),
    [
      ['commission', 1200, 1200],
      ['clawback', -300, 900],
      ['payment', -900, 0],
    ],
  );
  assert.equal(entries[0]!.description, 'Commission on order E2E-1001 (10% of $120.00)');
  assert.deepEqual(balance, { balance: 0, pending: 0, payableNow: 0, currency: 'USD' });
  const commission = await api('GET', `/api/v1/admin/commissions/${sale.json.commissions[0].id}`);
  assert.deepEqual([commission.json.status, commission.json.reason.linkSlug, commission.json.reason.sub], ['paid', 'e2e-landing', 'launch-post']);

  // the partner signs in; their token is no key to the merchant's API
  const login = await fetch(`${env.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 'e2e-alice', password: 'alice-e2e-password' }) });
  const { token } = (await login.json()) as { token: string };
  assert.equal((await api('GET', '/api/v1/admin/partners/e2e-alice', undefined, token)).status, 401);
  assert.equal((await api('POST', '/api/v1/track/sales', { ...saleBody, orderId: 'E2E-FORGED' }, token)).status, 401);
  assert.deepEqual(env.errors, [], 'no page or console errors');
  await page.close();
});

const run = promisify(execFile);

test('with the CLI alone against the same database: the same story adds up', async () => {
  const db = env.server.deps.config.databasePath;
  const cli = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [join(PACKAGE_ROOT, 'bin/partner-center.js'), ...args, '--db', db], { env: { ...process.env, PARTNER_CENTER_ADMIN_KEY: '' } });
    return stdout.trim();
  };
  const programLine = await cli('program', 'add', '--name', 'CLI Program', '--sale-percent', '12.5', '--hold', '0');
  const programId = /^Program (\d+) "CLI Program" created: 12\.5% per sale/.exec(programLine)?.[1];
  assert.ok(programId, programLine);
  await cli('partner', 'add', '--code', 'cli-bob', '--name', 'Bob CLI', '--email', 'bob@cli.example', '--password', 'bob-cli-password', '--program', programId);
  await cli('link', 'add', '--slug', 'cli-shop', '--name', 'CLI shop', '--destination', 'https://shop.example.com/cli');

  // the click goes through the running server
  const res = await fetch(`${env.url}/r/cli-bob/cli-shop`, { redirect: 'manual' });
  assert.equal(res.status, 302);
  const clickId = new URL(res.headers.get('Location')!).searchParams.get('pc_click')!;

  const sale = await cli('sale', 'record', '--order', 'CLI-1', '--amount', '80.00', '--click', clickId, '--email', 'buyer@cli.example');
  assert.match(sale, /Recorded order CLI-1: \$80\.00\n {2}credited to cli-bob by last_click\n {2}commission \d+: \$10\.00 to cli-bob \(direct, CLI Program, approved\)/);
  assert.match(await cli('refund', 'record', '--order', 'CLI-1', '--amount', '20.00'), /clawed back \$2\.50 from cli-bob/);
  assert.match(await cli('payouts', 'due', '--min', '1', '--csv'), /^cli-bob,Bob CLI,bob@cli\.example,7\.50,USD,,$/m);
  assert.match(await cli('payment', 'record', '--partner', 'cli-bob', '--amount', '7.50', '--method', 'Bank transfer'), /Balance now \$0\.00 \(\$0\.00 payable now, \$0\.00 pending\)/);

  const { entries, balance } = await books('cli-bob');
  assert.deepEqual(entries.map((e) => e.amount), [1000, -250, -750]);
  assert.equal(balance.balance, 0);
});
