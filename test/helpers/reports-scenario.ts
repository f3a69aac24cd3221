import { DAY, ledgerFixture } from './ledger-fixtures.js';
import type { TestServer } from './server.js';

const H = 3_600_000;

/** The instants of the hand-computed example (all UTC). The test clock stands at 2026-01-15 12:00. */
export const T = {
  jane: Date.UTC(2025, 10, 2, 12), // lead Jane, via the spring-sale click
  extraClicks: [1, 2, 3].map((h) => Date.UTC(2025, 10, 1, 2 + h)), // three earlier spring-sale clicks
  click1: Date.UTC(2025, 10, 2, 11),
  nov3: Date.UTC(2025, 10, 3, 10), // A-1001 $125.00 at 10% → +12.50
  click2: Date.UTC(2025, 10, 19, 15, 30),
  nov20: Date.UTC(2025, 10, 20, 15, 30), // A-1002 $200.00 at 15% → +30.00
  dec1: Date.UTC(2025, 11, 1, 9), // payment of the approved A-1001 → −12.50
  dec5: Date.UTC(2025, 11, 5, 14), // Bob's only sale
  dec10: Date.UTC(2025, 11, 10, 8), // refund of half of A-1002 → clawback −15.00
  dec24: Date.UTC(2025, 11, 24, 12), // adjustment +5.00
  jan5: Date.UTC(2026, 0, 5, 18, 45), // A-1003 $200.00 at 10% via partner code → +20.00
  jan6: Date.UTC(2026, 0, 6, 9), // a click on tents without a sub-id
  jan8: Date.UTC(2026, 0, 8, 16), // lead Mark, no click, sub "podcast"
  jan10: Date.UTC(2026, 0, 10, 7), // adjustment −3.00
};

/**
 * Alice's history, small enough to compute by hand:
 *
 * | when (UTC)        | what                                      | amount  | balance |
 * | 2025-11-03 10:00  | commission A-1001 (10% of 125.00)         | +12.50  |  12.50  |
 * | 2025-11-20 15:30  | commission A-1002 (15% of 200.00)         | +30.00  |  42.50  |
 * | 2025-12-01 09:00  | payment (A-1001, approved)                | −12.50  |  30.00  |
 * | 2025-12-10 08:00  | clawback: half of A-1002 refunded         | −15.00  |  15.00  |
 * | 2025-12-24 12:00  | adjustment: holiday bonus                 |  +5.00  |  20.00  |
 * | 2026-01-05 18:45  | commission A-1003 (10% of 200.00)         | +20.00  |  40.00  |
 * | 2026-01-10 07:00  | adjustment: correction                    |  −3.00  |  37.00  |
 *
 * Bob (another partner) has one sale of his own, B-2001, on 2025-12-05: +5.00.
 */
export async function aliceAndBob(s: TestServer) {
  const alice = await s.addPartner({ code: 'alice', name: 'Alice Example', password: 'alice-password' });
  const bob = await s.addPartner({ code: 'bob', name: 'Bob Other', password: 'bob-password' });
  const f = ledgerFixture(s.db.kysely);
  const gear = await f.program({ name: 'Outdoor Gear', rate: { type: 'percent', value: 1000 }, holdDays: 30 });
  const premium = await f.program({ name: 'Premium Tents', rate: { type: 'percent', value: 1500 }, holdDays: 30 });
  const spring = await f.link('spring-sale', 'Spring sale');
  const tents = await f.link('tents', 'Tents');

  const click1 = await f.click(alice.id, { at: T.click1, link: spring, sub: 'newsletter' });
  await f.clicks(alice.id, T.extraClicks.map((at) => ({ at, link: spring, sub: 'newsletter' })));
  const jane = await f.lead(alice.id, { at: T.jane, email: 'jane@example.com', name: 'Jane Doe', click: click1, status: 'customer' });
  const a1001 = await f.sale(alice.id, {
    at: T.nov3,
    orderId: 'A-1001',
    items: [
      { product: 'tent-2p', amount: 10_000 },
      { product: 'headlamp', amount: 2_500, quantity: 2 },
    ],
    program: gear,
    click: click1,
    leadId: jane.leadId,
  });
  const click2 = await f.click(alice.id, { at: T.click2, link: tents, sub: 'instagram' });
  const a1002 = await f.sale(alice.id, { at: T.nov20, orderId: 'A-1002', items: [{ product: 'tent-4p', amount: 20_000 }], program: premium, click: click2 });
  await f.approve(a1001.commissionId!, T.dec1 - H);
  await f.pay(alice.id, { at: T.dec1, method: 'PayPal', reference: 'PP-1' });
  const b2001 = await f.sale(bob.id, { at: T.dec5, orderId: 'B-2001', items: [{ product: 'bob-secret-product', amount: 5_000 }], program: gear });
  await f.refund({ at: T.dec10, sale: a1002, amount: 10_000, reason: 'Damaged in transit' });
  await f.adjust(alice.id, { at: T.dec24, amount: 500, description: 'Holiday bonus' });
  const a1003 = await f.sale(alice.id, {
    at: T.jan5,
    orderId: 'A-1003',
    items: [{ product: 'rain-jacket', amount: 20_000 }],
    program: gear,
    attribution: 'partner_code',
  });
  await f.click(alice.id, { at: T.jan6, link: tents });
  await f.lead(alice.id, { at: T.jan8, email: 'mark.smith@example.org', name: 'Mark Smith', sub: 'podcast' });
  await f.adjust(alice.id, { at: T.jan10, amount: -300, description: 'Correction: shipping fee' });
  await f.lead(bob.id, { at: T.dec5 - DAY, email: 'bobs-lead@example.net', name: 'Bobs Lead' });
  await f.click(bob.id, { at: T.dec5 - H, link: spring, sub: 'bob-sub' });

  return {
    f,
    alice,
    bob,
    gear,
    premium,
    links: { spring, tents },
    sales: { a1001, a1002, a1003, b2001 },
    aliceToken: await s.login('alice', 'alice-password'),
    bobToken: await s.login('bob', 'bob-password'),
  };
}
