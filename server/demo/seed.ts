import { withoutMail } from '../mail/outbox.js';
import type { Deps } from '../deps.js';
import { approveDueCommissions } from '../money/approvals.js';
import { recordClick } from '../tracking/clicks.js';
import { DAY_MS } from '../shared/time.js';
import { recordLead } from '../tracking/leads.js';
import { createLink } from '../catalog/links.js';
import { createDeepLink } from '../resources/partner-links.js';
import { changeSettings } from '../catalog/merchant-settings.js';
import { moneyNow } from '../money/money-terms.js';
import { createPartnerAccount, partnerByCode } from '../partners/partner-admin.js';
import { findPartnerByCode } from '../partners/partners.js';
import { recordAdjustment, recordPayment } from '../money/payments.js';
import { createProgram } from '../catalog/programs.js';
import { recordSale } from '../tracking/sales.js';
import { recordRefund } from '../tracking/refunds.js';
import { seedResources } from './seed-resources.js';
import { createMerchantUser } from '../merchants/users.js';

export const DEMO_CREDENTIALS = { code: 'demo', password: 'demo-password' } as const;
/** The merchant's side of the demo: an owner who signs in to the console. */
export const DEMO_OWNER = { email: 'owner@northwind.example', password: 'demo-owner-password' } as const;

/** Where the demo's links lead (an example shop; partners' deep links must stay on it). */
const SHOP = 'https://northwind.example';
const DAYS = 182;

/** A small deterministic random source, so every demo database tells the same story. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const CUSTOMERS = ['ava', 'ben', 'cleo', 'dev', 'eli', 'fatima', 'gus', 'hana', 'ivan', 'jade', 'kofi', 'lena', 'milo', 'nora', 'omar', 'pia', 'quinn', 'rosa', 'sven', 'tara', 'ugo', 'vera', 'wes', 'xena', 'yuki', 'zane'];
const PRODUCTS = [
  { id: 'trail-pack', price: 8900 },
  { id: 'hiking-boots', price: 14900 },
  { id: 'rain-shell', price: 12900 },
  { id: 'wool-socks', price: 1800 },
  { id: 'headlamp', price: 3400 },
  { id: 'gift-card', price: 5000 },
] as const;
const SUBS = ['blog', 'newsletter', 'instagram', 'youtube'] as const;

/**
 * Fills an empty database with a believable referral program, through the same engine the API
 * uses: three programs, a parent partner above the demo partner and a child below, six months
 * of clicks, leads, sales with items, a subscription, refunds, approvals and monthly payments.
 * The clock is moved by hand from six months ago to now. Does nothing when the demo partner exists.
 */
export async function seedDemo(deps: Deps): Promise<boolean> {
  if (await findPartnerByCode(deps, DEMO_CREDENTIALS.code)) return false;
  // the demo's months of history are made up: nobody is mailed about them
  return withoutMail(() => seedHistory(deps));
}

async function seedHistory(deps: Deps): Promise<boolean> {
  const end = deps.clock();
  let now = end - DAYS * DAY_MS;
  const at: Deps = { ...deps, clock: () => now };
  const rnd = random(20_260_115);

  await changeSettings(at, { merchantName: 'Northwind Outfitters', allowedLinkDomains: ['northwind.example'], holdDays: 30, minimumPayout: 5000 });

  const affiliate = await createProgram(at, {
    name: 'Affiliate Program',
    description: 'Earn 10% on every order you refer, 20% on backpacks, and $2.00 for every newsletter sign-up. Gift cards earn nothing.',
    priority: 1,
    saleCommission: { type: 'percent', value: 1000 },
    leadCommission: 200,
    secondTier: { type: 'percent', value: 300 },
    productRates: [
      { productId: 'trail-pack', type: 'percent', value: 2000 },
      { productId: 'gift-card', type: 'percent', value: 0 },
    ],
    holdDays: 30,
  });
  const club = await createProgram(at, {
    name: 'Gear Club Subscriptions',
    description: 'The monthly Gear Club box: 25% of each of the first six payments of every member you bring.',
    priority: 5,
    saleCommission: { type: 'percent', value: 0 },
    productRates: [{ productId: 'gear-club-box', type: 'percent', value: 2500 }],
    recurring: { mode: 'first_n', payments: 6 },
    holdDays: 14,
  });
  const creators = await createProgram(at, {
    name: 'Creator Boost',
    description: 'For video creators: a flat $12.00 on every boots order, paid after 7 days.',
    priority: 10,
    saleCommission: { type: 'percent', value: 0 },
    productRates: [{ productId: 'hiking-boots', type: 'flat', value: 1200 }],
    holdDays: 7,
  });

  await createPartnerAccount(at, { code: 'morgan', name: 'Morgan Reyes', email: 'morgan@trailtalk.example', password: 'morgan-password', programIds: [affiliate.id] });
  await createPartnerAccount(at, {
    code: DEMO_CREDENTIALS.code,
    name: 'Dana Demo',
    email: 'dana.demo@example.com',
    password: DEMO_CREDENTIALS.password,
    programIds: [affiliate.id, club.id],
    parentCode: 'morgan',
  });
  now += 3 * DAY_MS;
  await createPartnerAccount(at, { code: 'riley', name: 'Riley Chen', email: 'riley@peakvideos.example', password: 'riley-password', programIds: [affiliate.id, creators.id], parentCode: 'demo' });

  const origin = 'http://localhost';
  await createLink(at, { slug: 'home', name: 'Northwind home page', destination: `${SHOP}/` }, origin);
  await createLink(at, { slug: 'spring-sale', name: 'Spring sale: 20% off boots', destination: `${SHOP}/sale/spring` }, origin);
  await createLink(at, { slug: 'gear-club', name: 'Gear Club subscription', destination: `${SHOP}/gear-club`, programIds: [club.id] }, origin);
  await createLink(at, { slug: 'boots', name: 'Hiking boots', destination: `${SHOP}/boots` }, origin);
  await createDeepLink(at, await partnerByCode(at, 'demo'), { slug: 'dana-trail-pack', name: 'My trail pack review', destination: `${SHOP}/products/trail-pack`, sub: 'review' }, origin);

  await recordAdjustment(at, { partnerCode: 'demo', amount: 1000, note: 'Welcome bonus for joining the program' });

  const click = async (code: string, slug: string, sub?: string) => {
    const outcome = await recordClick(at, { code, slug, ip: `198.51.100.${rnd.int(1, 254)}`, userAgent: 'Mozilla/5.0 (demo)', referrer: sub ? `https://${sub}.example/` : null, sub: sub ?? null });
    return outcome.kind === 'redirect' ? outcome.click?.key : undefined;
  };
  const basket = () => {
    const lines = new Map<string, { productId: string; amount: number; quantity: number }>();
    for (let i = rnd.int(1, 3); i > 0; i--) {
      const product = rnd.pick(PRODUCTS);
      const line = lines.get(product.id) ?? { productId: product.id, amount: 0, quantity: 0 };
      line.amount += product.price;
      line.quantity += 1;
      lines.set(product.id, line);
    }
    const items = [...lines.values()];
    const subtotal = items.reduce((t, i) => t + i.amount, 0);
    return { items, amount: subtotal + (subtotal >= 10000 ? 0 : 695) }; // shipping earns nothing
  };

  let order = 1000;
  let customer = 0;
  const orders: string[] = [];
  const amounts = new Map<string, number>();
  const clubMembers: { subscriptionId: string; email: string; payments: number }[] = [];
  let paidMonth = -1;

  for (let day = 0; day < DAYS - 3; day++) {
    now = end - (DAYS - 3 - day) * DAY_MS - rnd.int(1, 10) * 3_600_000;
    // the demo partner's traffic: a few clicks a day, more on some days
    const clicks: string[] = [];
    for (let i = rnd.int(1, day % 7 === 2 ? 7 : 3); i > 0; i--) {
      const key = await click('demo', rnd.pick(['home', 'spring-sale', 'boots', 'gear-club', 'dana-trail-pack']), rnd.next() < 0.8 ? rnd.pick(SUBS) : undefined);
      if (key) clicks.push(key);
    }
    if (rnd.next() < 0.5) await click('riley', rnd.pick(['boots', 'home']), 'youtube');
    if (rnd.next() < 0.3) await click('morgan', 'home', 'podcast');

    now += 2 * 3_600_000;
    const email = () => `${CUSTOMERS[customer++ % CUSTOMERS.length]}.${customer}@mail.example`;
    if (clicks.length && rnd.next() < 0.18) await recordLead(at, { email: email(), clickId: rnd.pick(clicks) });
    if (clicks.length && rnd.next() < 0.3) {
      const { items, amount } = basket();
      const orderId = `TO-${++order}`;
      await recordSale(at, { orderId, amount, currency: 'USD', clickId: rnd.pick(clicks), customer: { email: email() }, items });
      orders.push(orderId);
      amounts.set(orderId, amount);
    }
    if (clicks.length && rnd.next() < 0.06) {
      const member = { subscriptionId: `club-${order}`, email: email(), payments: 0 };
      clubMembers.push(member);
      await recordSale(at, { orderId: `TO-${++order}`, amount: 3900, currency: 'USD', clickId: rnd.pick(clicks), customer: { email: member.email }, items: [{ productId: 'gear-club-box', amount: 3900, quantity: 1 }], subscriptionId: member.subscriptionId });
      member.payments = 1;
    }
    // monthly renewals of the club boxes
    for (const member of clubMembers) {
      if (day % 30 === 0 && member.payments > 0 && member.payments < 9) {
        await recordSale(at, { orderId: `TO-${++order}`, amount: 3900, currency: 'USD', customer: { email: member.email }, items: [{ productId: 'gear-club-box', amount: 3900, quantity: 1 }], subscriptionId: member.subscriptionId });
        member.payments++;
      }
    }
    // riley's boots buyers: demo earns second-tier commissions on them
    if (rnd.next() < 0.12) {
      const { items, amount } = basket();
      await recordSale(at, { orderId: `TO-${++order}`, amount: amount + 14900, currency: 'USD', partnerCode: 'riley', customer: { email: email() }, items: [...items, { productId: 'hiking-boots', amount: 14900, quantity: 1 }] });
    }
    if (day === 40 && orders[3]) await recordRefund(at, { orderId: orders[3], amount: Math.round(amounts.get(orders[3])! / 4), reason: 'Returned one item', refundId: 'RF-demo-1' });
    if (day === 95 && orders[9]) await recordRefund(at, { orderId: orders[9], reason: 'Order cancelled', refundId: 'RF-demo-2' });

    await approveDueCommissions(at);
    const month = Math.floor(day / 30);
    if (day % 30 === 5 && month !== paidMonth) {
      paidMonth = month;
      for (const code of ['demo', 'morgan', 'riley']) {
        const partnerId = (await findPartnerByCode(at, code))!.id;
        const balance = await moneyNow(at.db.kysely, partnerId, { currency: 'USD', now });
        if (balance.payableNow >= 5000) {
          await recordPayment(at, { partnerCode: code, amount: balance.payableNow, method: code === 'demo' ? 'PayPal' : 'Bank transfer', reference: `PO-${new Date(now).toISOString().slice(0, 7)}-${code}` });
        }
      }
    }
  }
  // a refund after payment: one of the earliest (paid) orders comes back in part
  now = end - 2 * DAY_MS;
  if (orders[1]) await recordRefund(at, { orderId: orders[1], amount: Math.round(amounts.get(orders[1])! / 2), reason: 'Partial return', refundId: 'RF-demo-3' });
  now = end;
  await approveDueCommissions(at);
  await seedPayoutOverview(at, click);
  await seedResources(at);
  await createMerchantUser(at, { ...DEMO_OWNER, role: 'owner' });
  return true;
}

/**
 * Issue 14's overview, populated: the merchant pays monthly on the 1st (said explicitly, so a
 * changed default does not change the demo), the demo partner has said how to be paid (PayPal)
 * and has an order today, so "earned this month" is never empty even on the 1st. The months
 * before already give them payable money and a payout history (the monthly payments above).
 */
async function seedPayoutOverview(at: Deps, click: (code: string, slug: string, sub?: string) => Promise<string | undefined>) {
  await changeSettings(at, { payoutSchedule: { kind: 'monthly', day: 1 } });
  await at.db.kysely.updateTable('partners').set({ payout_method: 'paypal', payout_details: 'dana.demo@example.com' }).where('code', '=', DEMO_CREDENTIALS.code).execute();
  const clickId = await click(DEMO_CREDENTIALS.code, 'boots', 'newsletter');
  if (clickId) {
    await recordSale(at, {
      orderId: 'TO-today',
      amount: 14900,
      currency: 'USD',
      clickId,
      customer: { email: 'today.buyer@mail.example' },
      items: [{ productId: 'hiking-boots', amount: 14900, quantity: 1 }],
    });
  }
}
