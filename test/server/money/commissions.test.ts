import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { percentOf, prorate, formatMoney, parseDecimal, formatRate, parsePercent, toDecimal } from '../../../server/shared/money.js';
import { DAY, engineServer, type EngineServer } from '../../helpers/engine.js';
import { all, one, sql } from '../../helpers/sql.js';

let s: EngineServer;
beforeEach(async () => {
  s = await engineServer();
  await s.link('shop');
});
afterEach(() => s.close());

const commissionsOf = (code: string) =>
  all<{ amount: number; tier: string; status: string; reason: string; rate_type: string; rate_value: number; base_amount: number; clawed_back: number }>(
    s.db,
    sql`SELECT c.* FROM commissions c JOIN partners p ON p.id = c.partner_id WHERE p.code = ${code} ORDER BY c.id`,
  );

describe('rounding: half up to the cent, integers only', () => {
  test('percentOf and prorate', () => {
    assert.equal(percentOf(12345, 1000), 1235); // 1234.5 → 1235
    assert.equal(percentOf(12344, 1000), 1234); // 1234.4 → 1234
    assert.equal(percentOf(10, 1500), 2); // 1.5 → 2
    assert.equal(percentOf(1, 1250), 0); // 0.125 → 0
    assert.equal(percentOf(99_999_999_999, 10_000), 99_999_999_999); // no float overflow
    assert.equal(percentOf(33, 3333), 11); // 10.9989 → 11
    assert.equal(prorate(1235, 1, 3), 412); // 411.67 → 412
    assert.equal(prorate(1000, 1, 2), 500);
    assert.equal(prorate(5, 1, 2), 3); // 2.5 → 3
    assert.equal(prorate(1235, 3, 3), 1235); // the whole refund takes back exactly the whole
    assert.throws(() => percentOf(1.5, 100), RangeError);
    assert.throws(() => prorate(1, 1, 0), RangeError);
  });

  test('every currency reads as Intl writes it, with the exact digits after the point', () => {
    // the reference: Intl's parts for the whole amount, its fraction replaced by the exact digits
    const reference = (cents: number, currency: string) => {
      const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      const scale = 10n ** BigInt(digits);
      const abs = BigInt(Math.abs(cents));
      const fraction = (abs % scale).toString().padStart(digits, '0');
      const text = format.formatToParts(abs / scale).map((p) => (p.type === 'fraction' ? fraction : p.value)).join('');
      return cents < 0 ? `-${text}` : text;
    };
    const amounts = [0, 1, -1, 5, 99, 100, 1001, -123456, 1_000_000, 123456789012, 2 ** 53 - 1, -(2 ** 53 - 1)];
    for (const currency of Intl.supportedValuesOf('currency')) {
      for (const cents of amounts) assert.equal(formatMoney(cents, currency), reference(cents, currency), `${cents} ${currency}`);
    }
  });

  test('money texts and parsing are exact', () => {
    assert.equal(formatMoney(12000, 'USD'), '$120.00');
    assert.equal(formatMoney(-5, 'USD'), '-$0.05');
    assert.equal(formatMoney(123456789012, 'USD'), '$1,234,567,890.12');
    assert.equal(formatMoney(500, 'JPY'), '¥500');
    assert.equal(formatMoney(1234567, 'KWD'), 'KWD\u00a01,234.567');
    assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, 'USD'), '$90,071,992,547,409.91');
    assert.equal(formatMoney(-Number.MAX_SAFE_INTEGER, 'USD'), '-$90,071,992,547,409.91');
    assert.equal(formatRate(1000), '10%');
    assert.equal(formatRate(1250), '12.5%');
    assert.equal(formatRate(5), '0.05%');
    assert.equal(parseDecimal('12.5', 'USD'), 1250);
    assert.equal(parseDecimal('0.1', 'USD'), 10);
    assert.equal(parseDecimal('19.99', 'USD'), 1999);
    assert.equal(parseDecimal('1.234', 'USD'), undefined);
    assert.equal(parseDecimal('-3', 'USD', { signed: true }), -300);
    assert.equal(parseDecimal('abc', 'USD'), undefined);
    assert.equal(parsePercent('12.5'), 1250);
    assert.equal(parsePercent('101'), undefined);
    assert.equal(toDecimal(123456, 'USD'), '1234.56');
    assert.equal(toDecimal(-5, 'USD'), '-0.05');
  });

  test('a sale whose commission rounds half up records it rounded, and its description says so', async () => {
    const program = await s.program({ holdDays: 0 });
    await s.partner('alice', { programIds: [program.id] });
    const { clickId } = await s.click('alice');
    const res = await s.sale({ orderId: 'R-1', amount: 12345, clickId });
    assert.equal(res.json.commissions[0].amount, 1235);
    assert.equal((await s.ledgerOf('alice')).rows[0]!.description, 'Commission on order R-1 (10% of $123.45)');
  });
});

describe('worked examples', () => {
  test('percent: 10% of a $120.00 sale through a click', async () => {
    const program = await s.program({ name: 'Affiliates' });
    await s.partner('alice', { programIds: [program.id] });
    const click = await s.click('alice', 'shop', { query: '?sub=fb-ad' });
    const res = await s.sale({ orderId: 'A-1001', amount: 12000, clickId: click.clickId, customer: { email: 'buyer@example.com', name: 'Bea Buyer' } });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.attributed, true);
    assert.equal(res.json.partnerCode, 'alice');
    assert.equal(res.json.attribution, 'last_click');
    assert.equal(res.json.sub, 'fb-ad');
    assert.equal(res.json.clickId, click.clickId);
    assert.deepEqual(
      res.json.commissions.map((c: any) => [c.partnerCode, c.tier, c.amount, c.status, c.rateType, c.rateValue, c.baseAmount]),
      [['alice', 'direct', 1200, 'pending', 'percent', 1000, 12000]],
    );
    const ledger = await s.ledgerOf('alice');
    assert.deepEqual(ledger.rows.map((r) => [r.type, r.amount, r.balance, r.description]), [['commission', 1200, 1200, 'Commission on order A-1001 (10% of $120.00)']]);
    const reason = JSON.parse((await commissionsOf('alice'))[0]!.reason);
    assert.deepEqual(
      { ...reason, clickAt: typeof reason.clickAt },
      {
        attribution: 'last_click',
        linkSlug: 'shop',
        linkName: 'Link shop',
        clickAt: 'string',
        sub: 'fb-ad',
        programId: program.id,
        programName: 'Affiliates',
        rateType: 'percent',
        rateValue: 1000,
        tier: 'direct',
        orderId: 'A-1001',
        rateSource: 'default',
      },
    );
    assert.equal(reason.clickAt, new Date(s.now).toISOString());
  });

  test('flat: $25.00 per sale whatever the amount or items', async () => {
    const program = await s.program({ saleCommission: { type: 'flat', value: 2500 } });
    await s.partner('alice', { programIds: [program.id] });
    const res = await s.sale({ orderId: 'F-1', amount: 9900, partnerCode: 'alice', items: [{ productId: 'a', amount: 4900, quantity: 1 }, { productId: 'b', amount: 5000, quantity: 2 }] });
    assert.deepEqual(res.json.commissions.map((c: any) => c.amount), [2500]);
    assert.equal((await s.ledgerOf('alice')).rows[0]!.description, 'Commission on order F-1 ($25.00 flat)');
    assert.equal(res.json.attribution, 'partner_code');
  });

  test('per-product overrides: a percent override, a flat-per-unit override, the default for the rest', async () => {
    const program = await s.program({
      productRates: [
        { productId: 'pro-plan', type: 'percent', value: 2000 },
        { productId: 'sticker', type: 'flat', value: 50 },
      ],
    });
    await s.partner('alice', { programIds: [program.id] });
    const res = await s.sale({
      orderId: 'O-1',
      amount: 13000, // $10 of it is shipping: no commission on it
      partnerCode: 'alice',
      items: [
        { productId: 'pro-plan', amount: 10000, quantity: 1 },
        { productId: 'sticker', amount: 600, quantity: 3 },
        { productId: 'socks', amount: 1400 },
      ],
    });
    assert.deepEqual(
      res.json.commissions.map((c: any) => [c.amount, c.rateType, c.rateValue, c.baseAmount]),
      [
        [2000, 'percent', 2000, 10000],
        [150, 'flat', 50, 600],
        [140, 'percent', 1000, 1400],
      ],
    );
    assert.deepEqual(
      (await s.ledgerOf('alice')).rows.map((r) => r.description),
      ['Commission on order O-1 (20% of $100.00)', 'Commission on order O-1 ($0.50 × 3 sticker)', 'Commission on order O-1 (10% of $14.00)'],
    );
    assert.deepEqual(JSON.parse((await commissionsOf('alice'))[1]!.reason).productIds, ['sticker']);
    assert.equal(JSON.parse((await commissionsOf('alice'))[1]!.reason).quantity, 3);
  });

  test('priority: the highest-priority program that covers a product pays it, never two programs', async () => {
    const general = await s.program({ name: 'General', priority: 1, saleCommission: { type: 'percent', value: 1000 } });
    const vip = await s.program({ name: 'VIP', priority: 5, saleCommission: { type: 'percent', value: 1500 } });
    const launch = await s.program({ name: 'Launch', priority: 9, saleCommission: { type: 'percent', value: 0 }, productRates: [{ productId: 'course', type: 'percent', value: 3000 }] });
    await s.partner('alice', { programIds: [general.id, vip.id, launch.id] });
    const res = await s.sale({
      orderId: 'P-1',
      amount: 20000,
      partnerCode: 'alice',
      items: [
        { productId: 'course', amount: 10000 },
        { productId: 'ebook', amount: 10000 },
      ],
    });
    assert.deepEqual(
      res.json.commissions.map((c: any) => [c.programName, c.amount]),
      [
        ['Launch', 3000],
        ['VIP', 1500],
      ],
    );
    // archived programs earn nothing
    await s.admin('DELETE', `/api/v1/admin/programs/${vip.id}`);
    const after = await s.sale({ orderId: 'P-2', amount: 10000, partnerCode: 'alice' });
    assert.deepEqual(after.json.commissions.map((c: any) => [c.programName, c.amount]), [['General', 1000]]);
  });

  test('an override of 0 excludes a product', async () => {
    const program = await s.program({ productRates: [{ productId: 'gift-card', type: 'percent', value: 0 }] });
    const fallback = await s.program({ name: 'Fallback', priority: -1 });
    await s.partner('alice', { programIds: [program.id, fallback.id] });
    const res = await s.sale({ orderId: 'X-1', amount: 5000, partnerCode: 'alice', items: [{ productId: 'gift-card', amount: 5000 }] });
    assert.equal(res.status, 201);
    assert.deepEqual(res.json.commissions, []);
    assert.equal(res.json.attributed, true);
    assert.equal((await s.ledgerOf('alice')).rows.length, 0);
  });

  test('second tier: the parent earns their rate on the child’s sale; a disabled parent earns nothing', async () => {
    const program = await s.program({ secondTier: { type: 'percent', value: 500 } });
    await s.partner('parent', { programIds: [] });
    await s.partner('child', { programIds: [program.id], parentCode: 'parent' });
    const { clickId } = await s.click('child');
    const res = await s.sale({ orderId: 'T-1', amount: 20000, clickId });
    assert.deepEqual(
      res.json.commissions.map((c: any) => [c.partnerCode, c.tier, c.amount]),
      [
        ['child', 'direct', 2000],
        ['parent', 'second', 1000],
      ],
    );
    assert.equal((await s.ledgerOf('parent')).rows[0]!.description, 'Second-tier commission on order T-1 via child (5% of $200.00)');
    const reason = JSON.parse((await commissionsOf('parent'))[0]!.reason);
    assert.equal(reason.tier, 'second');
    assert.equal(reason.childCode, 'child');
    assert.equal(reason.attribution, 'last_click');

    await s.admin('PATCH', '/api/v1/admin/partners/parent', { status: 'disabled' });
    const later = await s.sale({ orderId: 'T-2', amount: 20000, partnerCode: 'child' });
    assert.deepEqual(later.json.commissions.map((c: any) => c.partnerCode), ['child']);

    const flat = await s.program({ name: 'Flat tier', priority: 10, secondTier: { type: 'flat', value: 300 } });
    await s.admin('PATCH', '/api/v1/admin/partners/parent', { status: 'active' });
    await s.admin('PATCH', '/api/v1/admin/partners/child', { programIds: [flat.id] });
    const third = await s.sale({ orderId: 'T-3', amount: 5000, partnerCode: 'child' });
    assert.deepEqual(third.json.commissions.map((c: any) => [c.partnerCode, c.amount]), [['child', 500], ['parent', 300]]);
  });

  test('attribution window: the settings default, or the program’s own', async () => {
    const program = await s.program();
    await s.partner('alice', { programIds: [program.id] });
    const inside = await s.click('alice');
    s.advance(30 * DAY);
    const ok = await s.sale({ orderId: 'W-1', amount: 1000, clickId: inside.clickId });
    assert.equal(ok.json.attributed, true);
    s.advance(1);
    const late = await s.sale({ orderId: 'W-2', amount: 1000, clickId: inside.clickId });
    assert.equal(late.status, 201);
    assert.equal(late.json.attributed, false);
    assert.equal(late.json.notAttributedReason, 'click_expired');
    assert.deepEqual(late.json.commissions, []);

    await s.admin('PATCH', `/api/v1/admin/programs/${program.id}`, { attributionWindowDays: 60 });
    const longer = await s.sale({ orderId: 'W-3', amount: 1000, clickId: inside.clickId });
    assert.equal(longer.json.attributed, true);
    await s.admin('PATCH', '/api/v1/admin/settings', { attributionWindowDays: 90 });
    await s.admin('PATCH', `/api/v1/admin/programs/${program.id}`, { attributionWindowDays: 7 });
    const shorter = await s.sale({ orderId: 'W-4', amount: 1000, clickId: inside.clickId });
    assert.equal(shorter.json.notAttributedReason, 'click_expired');
  });

  test('last click by default; a first-click program credits the partner who brought the visitor first', async () => {
    const lastClick = await s.program({ name: 'Last' });
    await s.partner('alice', { programIds: [lastClick.id] });
    await s.partner('bob', { programIds: [lastClick.id] });
    const first = await s.click('alice');
    s.advance(DAY);
    const second = await s.click('bob', 'shop', { headers: { Cookie: `pc_click_first=${first.clickId}` } });
    const res = await s.sale({ orderId: 'L-1', amount: 10000, clickId: second.clickId });
    assert.equal(res.json.partnerCode, 'bob');
    assert.equal(res.json.attribution, 'last_click');

    const firstClick = await s.program({ name: 'First', priority: 5, attributionModel: 'first_click' });
    await s.admin('PATCH', '/api/v1/admin/partners/alice', { programIds: [firstClick.id] });
    const again = await s.sale({ orderId: 'L-2', amount: 10000, clickId: second.clickId });
    assert.equal(again.json.partnerCode, 'alice');
    assert.equal(again.json.attribution, 'first_click');
    assert.equal(again.json.clickId, first.clickId);
    const reason = JSON.parse((await commissionsOf('alice'))[0]!.reason);
    assert.equal(reason.attribution, 'first_click');
    assert.equal(reason.clickAt, new Date(s.now - DAY).toISOString());
    assert.equal(reason.programName, 'First');
  });

  test('attribution by lead email; unknown click ids and codes are recorded unattributed with the reason', async () => {
    const program = await s.program({ leadCommission: 200, holdDays: 0 });
    await s.partner('alice', { programIds: [program.id] });
    const { clickId } = await s.click('alice', 'shop', { query: '?sub=newsletter' });
    const lead = await s.admin('POST', '/api/v1/track/leads', { email: 'Lena@Example.com', name: 'Lena', clickId });
    assert.equal(lead.status, 201, lead.text);
    assert.equal(lead.json.partnerCode, 'alice');
    assert.equal(lead.json.commission.amount, 200);
    assert.equal(lead.json.sub, 'newsletter');
    assert.equal((await s.ledgerOf('alice')).rows[0]!.description, 'Commission on lead L•••@Example.com ($2.00 per lead)');

    s.advance(200 * DAY); // lead attribution does not expire
    const sale = await s.sale({ orderId: 'E-1', amount: 5000, customer: { email: 'lena@example.com' } });
    assert.equal(sale.json.attribution, 'lead_email');
    assert.equal(sale.json.partnerCode, 'alice');
    assert.equal(sale.json.sub, 'newsletter');
    assert.equal((await one<{ status: string }>(s.db, sql`SELECT status FROM leads`))!.status, 'customer');

    const unknown = await s.sale({ orderId: 'E-2', amount: 5000, clickId: 'f'.repeat(32) });
    assert.deepEqual([unknown.status, unknown.json.attributed, unknown.json.notAttributedReason], [201, false, 'unknown_click']);
    const nobody = await s.sale({ orderId: 'E-3', amount: 5000, partnerCode: 'nobody' });
    assert.equal(nobody.json.notAttributedReason, 'unknown_partner');
    const none = await s.sale({ orderId: 'E-4', amount: 5000 });
    assert.equal(none.json.notAttributedReason, 'no_referral');
    assert.equal(await s.count('sales'), 4);
  });

  test('self-referral: the partner buying through their own link earns nothing and is flagged', async () => {
    const program = await s.program({ secondTier: { type: 'percent', value: 500 } });
    await s.partner('parent');
    await s.partner('alice', { programIds: [program.id], parentCode: 'parent', email: 'alice@partners.example' });
    const { clickId } = await s.click('alice');
    const res = await s.sale({ orderId: 'S-1', amount: 10000, clickId, customer: { email: 'ALICE@partners.example' } });
    assert.equal(res.status, 201);
    assert.equal(res.json.selfReferral, true);
    assert.equal(res.json.notAttributedReason, 'self_referral');
    assert.deepEqual(res.json.commissions, []);
    assert.equal((await one<{ self_referral: number }>(s.db, sql`SELECT self_referral FROM sales`))!.self_referral, 1);
    assert.equal(await s.count('ledger_entries'), 0);
    const lead = await s.admin('POST', '/api/v1/track/leads', { email: 'alice@partners.example', partnerCode: 'alice' });
    assert.deepEqual([lead.status, lead.json.selfReferral, lead.json.leadId], [200, true, null]);
    assert.equal(await s.count('leads'), 0);
  });

  test('idempotency: the same order again answers 200 with the same body; different details are a 409', async () => {
    const program = await s.program();
    await s.partner('alice', { programIds: [program.id] });
    const body = { orderId: 'I-1', amount: 12000, currency: 'usd', partnerCode: 'alice', items: [{ productId: 'a', amount: 12000, quantity: 1 }] };
    const first = await s.sale(body);
    assert.equal(first.status, 201);
    s.advance(DAY);
    const again = await s.sale({ ...body, items: [{ quantity: 1, amount: 12000, productId: 'a' }] });
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, first.json);
    const changed = await s.sale({ ...body, amount: 13000, items: [{ productId: 'a', amount: 13000, quantity: 1 }] });
    assert.equal(changed.status, 409);
    assert.equal(changed.json.error.code, 'order_conflict');
    assert.equal(changed.json.error.field, 'orderId');
    const [a, b] = await Promise.all([s.sale({ ...body, orderId: 'I-2' }), s.sale({ ...body, orderId: 'I-2' })]);
    assert.deepEqual([a.status, b.status].sort(), [200, 201]);
    assert.deepEqual(a.json, b.json);
    assert.equal(await s.count('sales'), 2);
    assert.equal(await s.count('commissions'), 2);
    assert.equal((await s.ledgerOf('alice')).sum, 2400);
  });

  test('recurring: every payment, the first N, or only the first; renewals follow the subscription’s partner', async () => {
    const every = await s.program({ name: 'Every', recurring: { mode: 'every' } });
    const firstTwo = await s.program({ name: 'FirstTwo', recurring: { mode: 'first_n', payments: 2 } });
    const once = await s.program({ name: 'Once', recurring: { mode: 'none' } });
    await s.partner('eve', { programIds: [every.id] });
    await s.partner('fay', { programIds: [firstTwo.id] });
    await s.partner('ona', { programIds: [once.id] });
    for (const code of ['eve', 'fay', 'ona']) {
      const { clickId } = await s.click(code);
      const amounts: number[] = [];
      for (let n = 1; n <= 3; n++) {
        const res = await s.sale({ orderId: `${code}-${n}`, amount: 2900, subscriptionId: `sub-${code}`, ...(n === 1 && { clickId }) });
        assert.equal(res.json.partnerCode, code, `payment ${n} of ${code} is credited to ${code}`);
        amounts.push(res.json.commissions[0]?.amount ?? 0);
        s.advance(31 * DAY); // renewals need no click window
      }
      assert.deepEqual(amounts, { eve: [290, 290, 290], fay: [290, 290, 0], ona: [290, 0, 0] }[code], code);
    }
    assert.match((await s.ledgerOf('eve')).rows[1]!.description, /^Commission on order eve-2, subscription payment 2 \(10% of \$29\.00\)$/);
  });

  test('a link limited to a program pays under that program', async () => {
    const big = await s.program({ name: 'Big', priority: 10, saleCommission: { type: 'percent', value: 3000 } });
    const small = await s.program({ name: 'Small', priority: 1, saleCommission: { type: 'percent', value: 500 } });
    await s.link('small-only', { programIds: [small.id] });
    await s.partner('alice', { programIds: [big.id, small.id] });
    const { clickId } = await s.click('alice', 'small-only');
    const res = await s.sale({ orderId: 'K-1', amount: 10000, clickId });
    assert.deepEqual(res.json.commissions.map((c: any) => [c.programName, c.amount]), [['Small', 500]]);
  });
});

describe('refunds claw back in proportion', () => {
  test('two partial refunds, then nothing left to refund', async () => {
    const program = await s.program({ secondTier: { type: 'percent', value: 500 } });
    await s.partner('parent');
    await s.partner('alice', { programIds: [program.id], parentCode: 'parent' });
    await s.sale({ orderId: 'A-1', amount: 12000, partnerCode: 'alice' });
    const part = await s.admin('POST', '/api/v1/track/refunds', { orderId: 'A-1', amount: 3000 });
    assert.equal(part.status, 201, part.text);
    assert.deepEqual(part.json.sale, { amount: 12000, refundedAmount: 3000, status: 'partially_refunded' });
    assert.deepEqual(part.json.clawbacks.map((c: any) => [c.partnerCode, c.amount]), [['alice', 300], ['parent', 150]]);
    assert.deepEqual((await s.ledgerOf('alice')).rows.map((r) => [r.type, r.amount, r.balance]), [['commission', 1200, 1200], ['clawback', -300, 900]]);
    assert.equal((await s.ledgerOf('alice')).rows[1]!.description, 'Clawback: refund of $30.00 of $120.00 on order A-1');
    assert.ok((await s.ledgerOf('alice')).rows[1]!.reverses_id, 'the clawback names the commission entry it reverses');

    assertErrorRes(await s.admin('POST', '/api/v1/track/refunds', { orderId: 'A-1', amount: 9001 }), 422, 'refund_exceeds_sale', 'amount');
    const rest = await s.admin('POST', '/api/v1/track/refunds', { orderId: 'A-1' });
    assert.equal(rest.json.amount, 9000);
    assert.deepEqual(rest.json.clawbacks.map((c: any) => c.amount), [900, 450]);
    assert.deepEqual((await commissionsOf('alice')).map((c) => [c.clawed_back, c.status]), [[1200, 'clawed_back']]);
    assert.equal((await s.ledgerOf('alice')).balance, 0);
    assert.equal((await s.ledgerOf('parent')).balance, 0);
    assertErrorRes(await s.admin('POST', '/api/v1/track/refunds', { orderId: 'A-1' }), 409, 'already_refunded');
    assertErrorRes(await s.admin('POST', '/api/v1/track/refunds', { orderId: 'nope' }), 404, 'order_not_found', 'orderId');
  });

  test('uneven refunds round half up on the running total, so the pieces add up to the commission', async () => {
    const program = await s.program();
    await s.partner('alice', { programIds: [program.id] });
    await s.sale({ orderId: 'U-1', amount: 12345, partnerCode: 'alice' }); // 1235
    const pieces = [];
    for (const amount of [4115, 4115, 4115]) pieces.push((await s.admin('POST', '/api/v1/track/refunds', { orderId: 'U-1', amount })).json.clawbacks[0].amount);
    // running targets: 411.67 → 412, 823.33 → 823, then exactly 1235
    assert.deepEqual(pieces, [412, 411, 412]);
    assert.equal(pieces.reduce((a, b) => a + b, 0), 1235);
  });

  test('a cancel (no amount) takes back everything; a refund id makes retries safe', async () => {
    const program = await s.program();
    await s.partner('alice', { programIds: [program.id] });
    await s.sale({ orderId: 'C-1', amount: 8000, partnerCode: 'alice' });
    const first = await s.admin('POST', '/api/v1/track/refunds', { orderId: 'C-1', refundId: 'rf_1', reason: 'customer cancelled' });
    assert.equal(first.status, 201);
    assert.equal((await s.ledgerOf('alice')).rows[1]!.description, 'Clawback: order C-1 refunded in full ($80.00) (refund rf_1)');
    const again = await s.admin('POST', '/api/v1/track/refunds', { orderId: 'C-1', refundId: 'rf_1', reason: 'customer cancelled' });
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, first.json);
    assertErrorRes(await s.admin('POST', '/api/v1/track/refunds', { orderId: 'C-1', refundId: 'rf_1', amount: 5 }), 409, 'refund_conflict', 'refundId');
    assert.equal(await s.count('refunds'), 1);
  });

  test('a partial refund after payment drives the balance below zero; the commission stays paid', async () => {
    const program = await s.program({ holdDays: 0 });
    await s.partner('alice', { programIds: [program.id] });
    await s.sale({ orderId: 'PP-1', amount: 12000, partnerCode: 'alice' });
    const paid = await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 1200, method: 'PayPal' });
    assert.equal(paid.status, 201, paid.text);
    assert.equal((await commissionsOf('alice'))[0]!.status, 'paid');
    await s.admin('POST', '/api/v1/track/refunds', { orderId: 'PP-1', amount: 6000 });
    const ledger = await s.ledgerOf('alice');
    assert.deepEqual(ledger.rows.map((r) => [r.type, r.amount, r.balance]), [['commission', 1200, 1200], ['payment', -1200, 0], ['clawback', -600, -600]]);
    assert.equal((await commissionsOf('alice'))[0]!.status, 'paid');
    const account = await s.admin('GET', '/api/v1/admin/partners/alice');
    assert.deepEqual(account.json.balance, { balance: -600, pending: 0, payableNow: -600, currency: 'USD' });
    // the next commission first makes up for it: $10.00 earned, $6.00 of it owed back
    await s.sale({ orderId: 'PP-2', amount: 10000, partnerCode: 'alice' });
    assert.equal((await s.ledgerOf('alice')).balance, 400);
    assert.deepEqual((await commissionsOf('alice')).map((c) => c.status), ['paid', 'approved']);
    assertErrorRes(await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 401 }), 422, 'exceeds_approved_balance', 'amount');
    await s.admin('POST', '/api/v1/admin/payments', { partnerCode: 'alice', amount: 400 });
    assert.deepEqual((await commissionsOf('alice')).map((c) => c.status), ['paid', 'paid']);
    assert.equal((await s.ledgerOf('alice')).balance, 0);
  });
});

function assertErrorRes(res: { status: number; json: any; text: string }, status: number, code: string, field?: string) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.json.error.code, code);
  if (field) assert.equal(res.json.error.field, field);
}
