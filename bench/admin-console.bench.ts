import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kysely, SqliteDialect } from 'kysely';
import { createApp } from '../server/app.js';
import { configSchema } from '../server/config.js';
import { openDatabase, type Db } from '../server/db/connection.js';
import type { Database } from '../server/db/schema.js';
import type { Deps } from '../server/deps.js';
import { BENCH_ADMIN_KEY } from './support/constants.js';
import { measure } from './support/measure.js';
import { report, type Figure } from './support/report.js';

/**
 * The merchant console at scale: 100,000 partners and 1,000,000 ledger rows (with the sales,
 * clicks, commissions and payments behind them, and 10,000 audit entries), generated with
 * prepared statements in one transaction into a temporary SQLite file. Then every call the
 * console makes is timed through `app.request()` — the real routes, validation, admin-key check
 * and JSON — warm, N runs each: median, p95 and the rows returned. The SQL each call ran is
 * captured once (a Kysely log on the same connection) and its query plan printed, so a slow
 * call shows which table it scanned.
 *
 * Run with `npm run bench` or alone: `node --import tsx bench/admin-console.bench.ts`.
 */
const PARTNERS = 100_000;
const LEDGER_ROWS = 1_000_000;
const HEAVY_ROWS = 20_000; // one partner with many rows, for the deep ledger page
const AUDIT_ROWS = 10_000;
const RUNS = 30;
/** `ADMIN_BENCH_ONLY=payouts npm run bench -- admin-console`: time only the calls whose name holds it. */
const ONLY = process.env.ADMIN_BENCH_ONLY ?? '';
const END = Date.UTC(2026, 0, 1);
const SPAN = 3 * 365 * 86_400_000;
const DAY = 86_400_000;

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Emma', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Maya', 'Noah', 'Olga', 'Paul', 'Rosa', 'Sam', 'Tara', 'Yuki'];
const LAST = ['Smith', 'Garcia', 'Martin', 'Nguyen', 'Kowalski', 'Rossi', 'Dubois', 'Silva', 'Novak', 'Okafor', 'Jensen', 'Larsen', 'Moreau', 'Tanaka', 'Weber', 'Costa'];

/** A small deterministic generator (mulberry32): the same data on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

interface Counts {
  partners: number;
  ledger: number;
  sales: number;
  clicks: number;
  commissions: number;
  payments: number;
  audit: number;
}

/**
 * Writes the data set in one transaction with prepared statements. Each partner's history is a
 * time-ordered list of ledger rows: a commission (with its click, sale and commission row), a
 * clawback, a payment of the whole balance (with its payments row) or an adjustment, each with
 * the running balance after it. Commissions before a partner's last payment are paid, later
 * ones approved once past their 30-day hold, pending otherwise; so "payouts due" and "owed"
 * have real work to do. One partner in ten has a parent.
 */
export function generate(db: Db): Counts & { heavyCode: string; programIds: number[] } {
  const s = db.sqlite;
  const rand = prng(11);
  const created = END - SPAN;
  const counts: Counts = { partners: 0, ledger: 0, sales: 0, clicks: 0, commissions: 0, payments: 0, audit: 0 };
  const programIds: number[] = [];
  const cacheSize = s.pragma('cache_size', { simple: true }) as number;
  s.pragma('cache_size = -524288'); // 512 MB while writing: the indexes stay in memory instead of thrashing a 2 MB cache
  s.transaction(() => {
    const program = s.prepare(
      `INSERT INTO programs (name, description, sale_commission_type, sale_commission_value, hold_days, status, created_at, updated_at)
       VALUES (?, '', 'percent', ?, 30, 'active', ?, ?)`,
    );
    for (const [name, rate] of [['Outdoor', 1000], ['Camping', 1500], ['Gift cards', 500]] as const) programIds.push(Number(program.run(name, rate, created, created).lastInsertRowid));
    const link = Number(s.prepare(`INSERT INTO links (slug, name, destination, status, created_at, updated_at) VALUES ('shop', 'Shop', 'https://shop.example.com/', 'active', ?, ?)`).run(created, created).lastInsertRowid);

    const partner = s.prepare(
      `INSERT INTO partners (code, name, email, status, password_hash, parent_id, payout_method, payout_details, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'bench:not-a-password', ?, ?, ?, ?, ?)`,
    );
    const enroll = s.prepare('INSERT INTO enrollments (partner_id, program_id, created_at) VALUES (?, ?, ?)');
    const click = s.prepare(`INSERT INTO clicks (click_key, link_id, partner_id, at, ip_hash, sub) VALUES (?, ?, ?, ?, 'bench', NULL)`);
    const sale = s.prepare(
      `INSERT INTO sales (order_id, partner_id, click_id, amount, currency, customer_email, self_referral, status, request_hash, response, at)
       VALUES (?, ?, ?, ?, 'USD', ?, 0, 'completed', 'bench', '{}', ?)`,
    );
    const commission = s.prepare(
      `INSERT INTO commissions (partner_id, program_id, sale_id, kind, tier, base_amount, rate_type, rate_value, amount, clawed_back, status, reason, payable_at, approved_at, created_at)
       VALUES (?, ?, ?, 'sale', 'direct', ?, 'percent', ?, ?, 0, ?, ?, ?, ?, ?)`,
    );
    const payment = s.prepare(`INSERT INTO payments (partner_id, amount, currency, method, reference, at) VALUES (?, ?, 'USD', 'paypal', ?, ?)`);
    const latest = s.prepare('INSERT INTO partner_balances (partner_id, balance, at) VALUES (?, ?, ?)');
    const ledger = s.prepare(
      `INSERT INTO ledger_entries (partner_id, at, type, amount, balance, currency, description, commission_id, payment_id) VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, ?)`,
    );

    // one partner in twenty waits for approval (no rows), one in twenty is disabled
    const statusOf = (p: number) => (p % 20 === 7 ? 'pending' : p % 20 === 13 ? 'disabled' : 'active');
    const others = PARTNERS - PARTNERS / 20 - 1;
    const perPartner = Math.floor((LEDGER_ROWS - HEAVY_ROWS) / others);
    const extra = LEDGER_ROWS - HEAVY_ROWS - perPartner * others;
    let withRows = 0;
    let firstId = 0;
    for (let p = 0; p < PARTNERS; p++) {
      const code = `P${String(p + 1).padStart(6, '0')}`;
      const joined = created + Math.floor((p / PARTNERS) * (SPAN / 2)) + rand.int(0, DAY);
      const status = statusOf(p);
      const parent = firstId && rand.next() < 0.1 ? firstId + rand.int(0, p - 1) : null;
      const first = rand.pick(FIRST);
      const last = rand.pick(LAST);
      const id = Number(
        partner.run(code, `${first} ${last} ${p + 1}`, `${first.toLowerCase()}.${p + 1}@example.com`, status, parent, 'paypal', JSON.stringify({ email: `pay.${p + 1}@example.com` }), joined, joined)
          .lastInsertRowid,
      );
      if (p === 0) firstId = id;
      const programId = programIds[p % programIds.length]!;
      enroll.run(id, programId, joined);
      counts.partners++;
      if (status === 'pending') continue;

      // the partner's rows, in time order
      const rows = p === 0 ? HEAVY_ROWS : perPartner + (withRows <= extra ? 1 : 0);
      withRows++;
      const step = Math.floor((END - joined) / (rows + 1));
      type Planned = { at: number; type: 'commission' | 'clawback' | 'payment' | 'adjustment'; amount: number; base: number };
      const plan: Planned[] = [];
      let balance = 0;
      let lastPayment = -1;
      for (let i = 0; i < rows; i++) {
        const at = joined + step * (i + 1) + rand.int(0, Math.max(0, step - 1));
        const r = rand.next();
        if (r < 0.72 || balance <= 0) {
          const base = rand.int(2_000, 200_000);
          plan.push({ at, type: 'commission', amount: Math.round(base / 10), base });
        } else if (r < 0.8) plan.push({ at, type: 'clawback', amount: -Math.min(balance, rand.int(100, 3_000)), base: 0 });
        else if (r < 0.97) {
          plan.push({ at, type: 'payment', amount: -balance, base: 0 });
          lastPayment = i;
        } else plan.push({ at, type: 'adjustment', amount: rand.int(-300, 1_000), base: 0 });
        balance += plan.at(-1)!.amount;
      }
      balance = 0;
      plan.forEach((e, i) => {
        balance += e.amount;
        let commissionId: number | null = null;
        let paymentId: number | null = null;
        let description: string;
        if (e.type === 'commission') {
          const clickId = Number(click.run(`c${id}-${i}`, link, id, e.at - rand.int(1, 48) * 3_600_000).lastInsertRowid);
          const orderId = `O${id}-${i}`;
          const saleId = Number(sale.run(orderId, id, clickId, e.base, `buyer.${id}.${i}@example.net`, e.at).lastInsertRowid);
          const payableAt = e.at + 30 * DAY;
          const cStatus = i < lastPayment ? 'paid' : payableAt <= END ? 'approved' : 'pending';
          const reason = JSON.stringify({ attribution: 'last_click', linkSlug: 'shop', linkName: 'Shop', clickAt: new Date(e.at).toISOString(), sub: null, programId, programName: 'Outdoor', rateType: 'percent', rateValue: 1000, tier: 'direct' });
          commissionId = Number(commission.run(id, programId, saleId, e.base, 1000, e.amount, cStatus, reason, payableAt, cStatus === 'pending' ? null : payableAt, e.at).lastInsertRowid);
          description = `Commission on order ${orderId}`;
          counts.clicks++;
          counts.sales++;
          counts.commissions++;
        } else if (e.type === 'payment') {
          if (e.amount < 0) {
            paymentId = Number(payment.run(id, -e.amount, `PAY-${id}-${i}`, e.at).lastInsertRowid);
            counts.payments++;
          }
          description = 'Payment (paypal)';
        } else description = e.type === 'clawback' ? 'Refund: commission clawed back' : 'Adjustment';
        ledger.run(id, e.at, e.type, e.amount, balance, description, commissionId, paymentId);
        counts.ledger++;
      });
      if (plan.length) latest.run(id, balance, plan.at(-1)!.at);
    }

    const audit = s.prepare(`INSERT INTO audit_log (at, actor_type, actor, action, target_type, target_id, before, after) VALUES (?, ?, ?, ?, 'partner', ?, NULL, ?)`);
    for (let i = 0; i < AUDIT_ROWS; i++) {
      const at = END - SPAN / 3 + Math.floor((i / AUDIT_ROWS) * (SPAN / 3));
      audit.run(at, i % 3 ? 'user' : 'key', i % 3 ? 'owner@northwind.example' : 'backoffice', i % 2 ? 'partner.update' : 'commission.approve', String(firstId + (i % PARTNERS)), '{"status":"active"}');
      counts.audit++;
    }
  })();
  s.pragma(`cache_size = ${cacheSize}`); // measure with the cache the server runs with
  return { ...counts, heavyCode: 'P000001', programIds };
}

export default async function adminConsoleBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-center-bench-'));
  const path = join(dir, 'console.sqlite');
  const db = openDatabase(path);
  try {
    console.log(`\nadmin console: ${PARTNERS.toLocaleString('en-US')} partners, ${LEDGER_ROWS.toLocaleString('en-US')} ledger rows (${path})`);
    const t = performance.now();
    const data = generate(db);
    const size = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    const n = (x: number) => x.toLocaleString('en-US');
    console.log(
      `  generated in one transaction in ${((performance.now() - t) / 1000).toFixed(1)} s (${(size / 1024 / 1024).toFixed(0)} MB): ${n(data.partners)} partners, ${n(data.ledger)} ledger rows, ` +
        `${n(data.sales)} sales, ${n(data.clicks)} clicks, ${n(data.commissions)} commissions, ${n(data.payments)} payments, ${n(data.audit)} audit entries`,
    );

    const config = configSchema.parse({ databasePath: path, adminKey: BENCH_ADMIN_KEY });
    const deps: Deps = { db, config, clock: () => END };
    const app = createApp(deps);
    // The same connection with a Kysely that logs: one captured run of a call gives its SQL.
    const captured: { sql: string; parameters: readonly unknown[] }[] = [];
    const logging: Db = {
      dialect: 'sqlite',
      sqlite: db.sqlite,
      kysely: new Kysely<Database>({ dialect: new SqliteDialect({ database: db.sqlite }), log: (e) => {
          if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters });
        },
      }),
      close: async () => {},
    };
    const capturingApp = createApp({ ...deps, db: logging });

    const call = async (target: typeof app, url: string) => {
      const res = await target.request(url, { headers: { Authorization: `Bearer ${BENCH_ADMIN_KEY}` } });
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    const rowsOf = (body: Record<string, unknown>) => {
      const list = Object.values(body).find(Array.isArray);
      return list ? String(list.length) : '—';
    };
    const plans: { name: string; lines: string[] }[] = [];
    const figures: Figure[] = [];
    const time = async (name: string, url: string, runs = RUNS) => {
      if (ONLY && !name.includes(ONLY)) return 0;
      let rows = '';
      const { median } = await measure(`${name}`, runs, async () => (rows = rowsOf(await call(app, url))), (line) => `${line}  rows ${rows.padStart(3)}   ${url}`);
      captured.length = 0;
      await call(capturingApp, url);
      const lines = captured
        .filter((q) => /^\s*(select|with)/i.test(q.sql))
        .flatMap((q) => (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail))
        .filter((line) => /SCAN|USING|TEMP B-TREE/.test(line));
      plans.push({ name: median > 200 ? `${name}  ← ${median.toFixed(0)} ms median` : name, lines: [...new Set(lines)] });
      figures.push({ name, value: median, unit: 'ms median' });
      return median;
    };
    const cursorAfter = async (url: string, pages: number) => {
      let cursor: string | undefined;
      for (let i = 0; i < pages; i++) {
        const body = await call(app, `${url}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        cursor = body.nextCursor as string | undefined;
        if (!cursor) throw new Error(`${url} ran out of pages at ${i + 1}`);
      }
      return encodeURIComponent(cursor!);
    };

    console.log(`\n  times through app.request() with the admin key, ${RUNS} warm runs each (median, p95, rows returned):`);
    const A = '/api/v1/admin';
    for (const sort of ['created', 'name', 'code'])
      for (const order of ['asc', 'desc']) await time(`partners, first page, sort=${sort} ${order}`, `${A}/partners?sort=${sort}&order=${order}&limit=50`);
    await time('partners, 50th page by cursor (sort=name)', `${A}/partners?sort=name&limit=50&cursor=${await cursorAfter(`${A}/partners?sort=name&limit=50`, 49)}`);
    await time('partners, search matching many (q=smith)', `${A}/partners?q=smith&limit=50`);
    await time('partners, search matching few (q=12345)', `${A}/partners?q=12345&limit=50`);
    await time('partners, status=pending', `${A}/partners?status=pending&limit=50`);
    await time('partner detail', `${A}/partners/P050000`);
    await time('partner ledger, first page', `${A}/partners/${data.heavyCode}/ledger?limit=50`);
    await time('partner ledger, 100th page by cursor', `${A}/partners/${data.heavyCode}/ledger?limit=50&cursor=${await cursorAfter(`${A}/partners/${data.heavyCode}/ledger?limit=50`, 99)}`);
    await time('commissions, first page', `${A}/commissions?limit=50`);
    await time('commissions, status=pending', `${A}/commissions?status=pending&limit=50`);
    await time(`commissions, program=${data.programIds[1]}`, `${A}/commissions?program=${data.programIds[1]}&limit=50`);
    await time('commissions, period (a month)', `${A}/commissions?from=2025-06-01&to=2025-06-30&limit=50`);
    await time('commissions, approved + program + year', `${A}/commissions?status=approved&program=${data.programIds[0]}&from=2025-01-01&to=2025-12-31&limit=50`);
    await time('commissions, 20th page by cursor', `${A}/commissions?limit=50&cursor=${await cursorAfter(`${A}/commissions?limit=50`, 19)}`);
    await time('payments, first page', `${A}/payments?limit=50`);
    await time('payouts due, first page (the console: limit=100)', `${A}/payouts?limit=100`, 10);
    await time('payouts due, 10th page by cursor', `${A}/payouts?limit=100&cursor=${await cursorAfter(`${A}/payouts?limit=100`, 9)}`, 10);
    await time('payouts due, every partner (the unpaged answer)', `${A}/payouts`, 3);
    await time('dashboard, default 30 days', `${A}/dashboard`, 10);
    await time('dashboard, a year', `${A}/dashboard?from=2025-01-01&to=2025-12-31`, 10);
    await time('audit log, first page', `${A}/audit?limit=50`);
    await time('audit log, 20th page by cursor', `${A}/audit?limit=50&cursor=${await cursorAfter(`${A}/audit?limit=50`, 19)}`);

    console.log('\n  query plans (the index each call reads; SCAN without an index means the whole table):');
    for (const p of plans) console.log(`  ${p.name}:\n    ${p.lines.join('\n    ') || '(primary key lookups only)'}`);
    report({
      title: `The merchant console's reads: ${n(data.partners)} partners, ${n(data.ledger)} ledger rows (SQLite, through app.request())`,
      command: 'npm run bench -- admin-console',
      figures,
    });
  } finally {
    await db.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await adminConsoleBench();
