/**
 * An in-memory admin API for the console's element tests and stories: the same contract as
 * admin/api/client.ts (cursors, approve/reject, batch approve…), with knobs for every state.
 */
import { AdminSession } from '../../admin/api/session.js';
import { percentOf } from '../../server/shared/money.js';
import type {
  AdminApi,
  AdminKey,
  MerchantSettings,
  MerchantUser,
  Program,
  ProgramRate,
  AdminCommission,
  AdminLoginResult,
  AdminPayment,
  AuditEntry,
  AuditQuery,
  Dashboard,
  PayoutDue,
  AdminProgram,
  AdminResourceKind,
  AdminResourceKinds,
  AdminRole,
  AdminUser,
  CommissionQuery,
  BatchApproveResult,
  PartnerDetail,
  PartnerLedger,
  PartnerQuery,
} from '../../admin/api/types.js';
import { ApiError } from '../../src/api/errors.js';
import { bannerImage } from './fake-api.js';
import { fakeEmailApi, type FakeEmailOptions } from './fake-admin-email.js';
import { fakeIntegrationsApi, type FakeIntegrationsOptions } from './fake-admin-integrations.js';
import { fakeWebhooksApi, type FakeWebhooksOptions } from './fake-admin-webhooks.js';
import { fakePayoutRequestsApi, type FakePayoutRequestsOptions } from './fake-admin-payout-requests.js';

export { defaultTemplates, maskSmtpUrl, outboxMessage, outboxMessages, SETTINGS_SMTP_URL } from './fake-admin-email.js';
export { delivery, WEBHOOK_SECRET, webhookDeliveries, webhookEndpoints } from './fake-admin-webhooks.js';
export { partnerCoupons } from './fake-admin-integrations.js';

export type FakeAdminMethod = Exclude<keyof AdminApi, 'baseUrl'>;

export interface FakeAdminOptions
  extends Omit<FakeEmailOptions, 'role' | 'pageSize'>,
    Omit<FakeWebhooksOptions, 'role'>,
    Omit<FakeIntegrationsOptions, 'role'>,
    Omit<FakePayoutRequestsOptions, 'role'> {
  /** What "Sign in" answers: ok, wrong credentials, or locked out (429). */
  login?: 'ok' | 'invalid' | 'locked';
  retryAfter?: number;
  role?: AdminRole;
  partners?: PartnerDetail[];
  commissions?: AdminCommission[];
  /** every rule of each program (default: `fullPrograms`) */
  programs?: Program[];
  settings?: MerchantSettings;
  adminKeys?: AdminKey[];
  merchantUsers?: MerchantUser[];
  /** the partners due a payout (default: `duePayouts`) */
  payouts?: PayoutDue[];
  /** minimum payout (cents) */
  minimumPayout?: number;
  /** payment history, newest first (default: `adminPayments`) */
  payments?: AdminPayment[];
  /** what the dashboard answers (default: `adminDashboard()` for the period asked) */
  dashboard?: Dashboard;
  /** the audit log, newest first (default: `auditEntries`) */
  audit?: AuditEntry[];
  /** page size the fake uses whatever the caller asks (to show "Load more") */
  pageSize?: number;
  /** promotional material by kind (default: {@link adminResources}); `[]` for an empty list */
  resources?: Partial<{ [K in AdminResourceKind]: AdminResourceKinds[K][] }>;
  /** a method that fails: an error to throw, `forbidden` (403), `error` (500) or `pending` (never answers) */
  fail?: Partial<Record<FakeAdminMethod, 'forbidden' | 'error' | 'pending' | Error>>;
}

export interface FakeAdminApi extends AdminApi {
  calls: { method: FakeAdminMethod; args: unknown[] }[];
}

export const ownerUser: AdminUser = { id: 1, email: 'owner@northwind.example', role: 'owner', status: 'active', createdAt: '2026-01-01T09:00:00.000Z', updatedAt: '2026-01-01T09:00:00.000Z' };

const program = (id: number, name: string, extra: Partial<Program> = {}): Program => ({
  id,
  name,
  description: '',
  priority: 0,
  saleCommission: { type: 'percent', value: 1000 },
  leadCommission: null,
  recurring: { mode: 'every', payments: null },
  secondTier: null,
  attributionWindowDays: null,
  attributionModel: 'last_click',
  holdDays: null,
  status: 'active',
  openToSignup: false,
  productRates: [],
  createdAt: '2026-01-02T09:00:00.000Z',
  updatedAt: '2026-01-02T09:00:00.000Z',
  ...extra,
});

/** Programs with every rule: 10% with a 2% second tier; a flat-rate creators' program; an archived one. */
export const fullPrograms: Program[] = [
  program(1, 'Friends of Northwind', { description: 'Our customers who tell their friends.', secondTier: { type: 'percent', value: 200 }, openToSignup: true, leadCommission: 500 }),
  program(2, 'Creators', {
    priority: 10,
    saleCommission: { type: 'flat', value: 2500 },
    recurring: { mode: 'first_n', payments: 12 },
    attributionWindowDays: 60,
    attributionModel: 'first_click',
    holdDays: 14,
    productRates: [{ productId: 'pro-plan', type: 'percent', value: 3000 }],
  }),
  program(3, 'Winter 2025', { status: 'archived', saleCommission: { type: 'percent', value: 1500 } }),
];

export const adminPrograms: AdminProgram[] = fullPrograms.filter((p) => p.status === 'active');

export const merchantSettings: MerchantSettings = {
  merchantName: 'Northwind',
  currency: 'USD',
  attributionWindowDays: 30,
  holdDays: 30,
  allowedLinkDomains: ['northwind.example', '*.northwind.example'],
  allowedOrigins: ['https://shop.northwind.example'],
  minimumPayout: 5000,
  leadPrivacy: 'masked',
  clickParam: 'pc_click',
  welcomeMessage: '# Hello partners\n\nShare your **links** and earn. Questions? [Write to us](mailto:partners@northwind.example).',
  signupMode: 'approval',
  signupProgramIds: [],
  menus: { welcome: true, profile: true, programs: true, commissions: true },
  payoutSchedule: { kind: 'monthly', day: 1 },
};

export const adminKeys: AdminKey[] = [
  { id: 1, name: 'Shop backend', prefix: 'pc_ak_3f9a', createdAt: '2026-01-03T09:00:00.000Z', lastUsedAt: '2026-02-20T08:15:00.000Z', revokedAt: null },
  { id: 2, name: 'Old CRM sync', prefix: 'pc_ak_77c1', createdAt: '2025-11-01T09:00:00.000Z', lastUsedAt: null, revokedAt: '2026-01-10T09:00:00.000Z' },
];

export const merchantUsers: MerchantUser[] = [
  { id: 1, email: 'owner@northwind.example', role: 'owner', status: 'active', createdAt: '2026-01-01T09:00:00.000Z', updatedAt: '2026-01-01T09:00:00.000Z' },
  { id: 2, email: 'sam@northwind.example', role: 'staff', status: 'active', createdAt: '2026-01-08T09:00:00.000Z', updatedAt: '2026-01-08T09:00:00.000Z' },
];

/** The fake's stand-in for the engine's planner (the server answers with its own): a rate on the whole sale. */
const pays = (rate: ProgramRate | null | undefined, amount: number) => (!rate ? 0 : rate.type === 'percent' ? percentOf(amount, rate.value) : rate.value);

const balance = (b: number, pending: number) => ({ balance: b, pending, payableNow: b - pending, currency: 'USD' });

/** A partner as GET /admin/partners/{code} answers; `programs`, `parent` and `children` are filled in from the others when asked. */
const account = (code: string, name: string, extra: Partial<PartnerDetail> = {}): PartnerDetail => ({
  id: code.length * 100 + code.charCodeAt(0),
  code,
  name,
  email: `${code}@example.com`,
  status: 'active',
  parentCode: null,
  programIds: [1],
  balance: balance(0, 0),
  payoutMethod: null,
  payoutDetailsMasked: null,
  payoutDetails: null,
  createdAt: '2026-01-05T09:30:00.000Z',
  updatedAt: '2026-01-05T09:30:00.000Z',
  phone: null,
  company: null,
  website: null,
  address: null,
  programs: [],
  parent: null,
  children: [],
  childrenCount: 0,
  allTime: { earned: 0, clawedBack: 0, paid: 0, adjustments: 0, currency: 'USD' },
  rejection: null,
  ...extra,
});

export const adminPartners: PartnerDetail[] = [
  account('ann', 'Ann Archer', {
    balance: balance(12_500, 2_500),
    payoutMethod: 'paypal',
    payoutDetails: 'ann@example.com',
    payoutDetailsMasked: 'a•••@example.com',
    programIds: [1, 2],
    createdAt: '2026-02-01T10:00:00.000Z',
  }),
  account('bob', 'Bob Baker', { parentCode: 'ann', createdAt: '2026-02-03T10:00:00.000Z' }),
  account('cleo', 'Cleo Cho', { status: 'pending', programIds: [], createdAt: '2026-02-05T10:00:00.000Z' }),
  account('dev', 'Dev Dhillon', { status: 'disabled', createdAt: '2026-01-20T10:00:00.000Z' }),
];

const commission = (id: number, partnerCode: string, extra: Partial<AdminCommission> = {}): AdminCommission => ({
  id,
  partnerCode,
  kind: 'sale',
  tier: 'direct',
  programId: 1,
  programName: 'Friends of Northwind',
  orderId: `A-${id}`,
  baseAmount: 19_900,
  rateType: 'percent',
  rateValue: 1000,
  amount: 1_990,
  clawedBack: 0,
  status: 'pending',
  payableAt: '2026-03-01T00:00:00.000Z',
  approvedAt: null,
  createdAt: '2026-02-15T12:00:00.000Z',
  reason: {
    attribution: 'last_click',
    linkSlug: 'spring-sale',
    linkName: 'Spring sale',
    clickAt: '2026-02-14T09:00:00.000Z',
    sub: null,
    programId: 1,
    programName: 'Friends of Northwind',
    rateType: 'percent',
    rateValue: 1000,
    tier: 'direct',
    orderId: `A-${id}`,
  },
  why: {
    attribution: 'last_click',
    link: { slug: 'spring-sale', name: 'Spring sale' },
    sub: null,
    clickAt: '2026-02-14T09:00:00.000Z',
    program: { id: extra.programId ?? 1, name: extra.programName ?? 'Friends of Northwind' },
    childCode: null,
  },
  clawback: extra.clawedBack ? { amount: extra.clawedBack, date: '2026-03-05T10:00:00.000Z', reason: 'Order refunded' } : null,
  ...extra,
});

export const adminCommissions: AdminCommission[] = [
  commission(101, 'ann'),
  commission(102, 'ann', { orderId: 'A-102', amount: 500, rateType: 'flat', rateValue: 500 }),
  commission(103, 'bob', { status: 'approved', approvedAt: '2026-03-01T00:00:00.000Z' }),
  commission(104, 'bob', { status: 'clawed_back', clawedBack: 1_990 }),
  commission(105, 'ann', { status: 'approved', clawedBack: 995, programId: 2, programName: 'Creators' }),
];

// ── payouts, dashboard, audit log (the console's Payouts, Dashboard and Audit log sections) ──

const payout = (p: PartnerDetail): PayoutDue => ({
  partnerCode: p.code,
  name: p.name,
  email: p.email,
  amount: p.balance.payableNow,
  balance: p.balance,
  payoutMethod: p.payoutMethod,
  payoutDetailsMasked: p.payoutDetailsMasked,
});

/** Who is due in the default data: ann (PayPal) and two more. */
export const duePartners: PartnerDetail[] = [
  adminPartners[0]!,
  account('eve', 'Eve Evans', {
    balance: balance(7_500, 0),
    payoutMethod: 'bank_transfer',
    payoutDetails: 'DE89 3704 0044 0532 0130 00',
    payoutDetailsMasked: '•••• 3000',
  }),
  account('gus', 'Gus Green', { balance: balance(5_000, 0), payoutMethod: null, payoutDetailsMasked: null }),
];
export const duePayouts: PayoutDue[] = duePartners.map(payout);

const payment = (id: number, partnerCode: string, amount: number, at: string, extra: Partial<AdminPayment> = {}): AdminPayment => ({
  id,
  partnerCode,
  amount,
  currency: 'USD',
  method: 'PayPal',
  reference: null,
  note: null,
  forced: false,
  reversed: false,
  at,
  ledgerEntryId: id * 10,
  batchId: null,
  balance: balance(0, 0),
  ...extra,
});

export const adminPayments: AdminPayment[] = [
  payment(3, 'ann', 5_000, '2026-02-28T15:00:00.000Z', { batchId: 7, reference: 'PP-0228' }),
  payment(2, 'bob', 2_500, '2026-02-28T15:00:00.000Z', { batchId: 7, reference: 'PP-0228' }),
  payment(1, 'ann', 4_000, '2026-01-31T15:00:00.000Z', { method: 'Bank transfer', reversed: true, note: 'Sent to the wrong account' }),
];

/** A dashboard with a week of activity (days from `from`), or one of no activity at all. */
export function adminDashboard(active = true, from = '2026-03-01', days = 7): Dashboard {
  const start = Date.parse(`${from}T00:00:00.000Z`);
  const trend = Array.from({ length: days }, (_, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return active ? { date, clicks: 20 + ((i * 7) % 13), sales: i % 3, earned: (i % 3) * 1_990 } : { date, clicks: 0, sales: 0, earned: 0 };
  });
  const sum = (k: 'clicks' | 'sales' | 'earned') => trend.reduce((t, d) => t + d[k], 0);
  return {
    from: `${from}T00:00:00.000Z`,
    to: `${trend.at(-1)!.date}T23:59:59.999Z`,
    timeZone: 'UTC',
    currency: 'USD',
    period: { clicks: sum('clicks'), leads: active ? 4 : 0, sales: { count: sum('sales'), amount: sum('sales') * 19_900 }, earned: sum('earned'), paid: active ? 7_500 : 0 },
    now: active ? { balance: 25_000, pending: 2_500, payableNow: 22_500, currency: 'USD' } : { balance: 0, pending: 0, payableNow: 0, currency: 'USD' },
    trend,
    topPartners: active
      ? [
          { code: 'ann', name: 'Ann Archer', earned: sum('earned') - 1_990, sales: { count: sum('sales') - 1, amount: (sum('sales') - 1) * 19_900 } },
          { code: 'bob', name: 'Bob Baker', earned: 1_990, sales: { count: 1, amount: 19_900 } },
        ]
      : [],
    attention: active
      ? { signupsWaiting: 1, pastHold: { count: 2, amount: 2_490 }, payoutsDue: { count: 3, amount: 35_000, minimum: 5_000 } }
      : { signupsWaiting: 0, pastHold: { count: 0, amount: 0 }, payoutsDue: { count: 0, amount: 0, minimum: 5_000 } },
  };
}

const entry = (id: number, at: string, actor: string, action: string, targetType: string, targetId: string | null, before: unknown, after: unknown): AuditEntry => ({
  id,
  at,
  actorType: actor === 'cli' ? 'cli' : actor.includes('@') ? 'user' : 'key',
  actor,
  action,
  targetType,
  targetId,
  before,
  after,
});

export const auditEntries: AuditEntry[] = [
  entry(6, '2026-03-02T10:05:00.000Z', 'owner@northwind.example', 'payment.create', 'payment', '3', null, { partnerCode: 'ann', amount: 5_000, method: 'PayPal' }),
  entry(5, '2026-03-02T10:00:00.000Z', 'owner@northwind.example', 'commission.approve', 'commission', '101', { status: 'pending' }, { status: 'approved' }),
  entry(4, '2026-03-01T09:00:00.000Z', 'owner@northwind.example', 'partner.approve', 'partner', 'cleo', { status: 'pending' }, { status: 'active' }),
  entry(3, '2026-02-20T08:00:00.000Z', 'Checkout server', 'settings.update', 'settings', null, { welcomeMessage: 'Hello', minimumPayout: 2_500, homeItems: { profile: true, programs: true } }, { welcomeMessage: 'Welcome, partners!', minimumPayout: 5_000, homeItems: { profile: true, programs: false } }),
  entry(2, '2026-02-10T12:00:00.000Z', 'cli', 'program.create', 'program', '2', null, { name: 'Creators', holdDays: 30 }),
  entry(1, '2026-02-01T12:00:00.000Z', 'owner@northwind.example', 'partner.update', 'partner', 'dev', { status: 'active', payoutDetails: '[redacted]' }, { status: 'disabled', payoutDetails: '[redacted]' }),
];

const dayOf = (value: string | undefined) => (value ? new Date(value).getTime() : undefined);

/** The audit entries matching `query`, as GET /audit filters them (`to` exclusive). */
function auditMatching(entries: AuditEntry[], query: AuditQuery) {
  const [from, to] = [dayOf(query.from), dayOf(query.to)];
  return entries.filter(
    (e) =>
      (!query.actor || e.actor === query.actor) &&
      (!query.action || e.action === query.action) &&
      (!query.targetType || e.targetType === query.targetType) &&
      (!query.targetId || e.targetId === query.targetId) &&
      (from === undefined || Date.parse(e.at) >= from) &&
      (to === undefined || Date.parse(e.at) < to),
  );
}

const never = <T>() => new Promise<T>(() => {});

/** A fake admin API; its `calls` list what the element asked. */
export function fakeAdminApi(options: FakeAdminOptions = {}): FakeAdminApi {
  const calls: FakeAdminApi['calls'] = [];
  const partners = (options.partners ?? adminPartners).map((p) => ({ ...p }));
  const commissions = (options.commissions ?? adminCommissions).map((c) => ({ ...c }));
  const pageSize = options.pageSize ?? 50;
  let programs = (options.programs ?? fullPrograms).map((p) => structuredClone(p));
  let settings = structuredClone(options.settings ?? merchantSettings);
  let keys = (options.adminKeys ?? adminKeys).map((k) => ({ ...k }));
  let users = (options.merchantUsers ?? merchantUsers).map((u) => ({ ...u }));
  const now = () => new Date().toISOString();
  const findProgram = (id: number) => {
    const p = programs.find((x) => x.id === id);
    if (!p) throw new ApiError(404, 'program_not_found', `Program ${id} not found`);
    return p;
  };
  const findUser = (id: number) => {
    const u = users.find((x) => x.id === id);
    if (!u) throw new ApiError(404, 'not_found', `Merchant user ${id} not found`);
    return u;
  };
  const lastOwner = (id: number) => users.filter((u) => u.role === 'owner' && u.status === 'active' && u.id !== id).length === 0;
  const payouts = (options.payouts ?? duePayouts).map((p) => ({ ...p }));
  const payments = (options.payments ?? adminPayments).map((p) => ({ ...p }));
  const audit = options.audit ?? auditEntries;
  const minimum = options.minimumPayout ?? 5_000;
  let nextPaymentId = Math.max(0, ...payments.map((p) => p.id)) + 1;
  let nextBatchId = Math.max(0, ...payments.map((p) => p.batchId ?? 0)) + 1;
  const csv = (filename: string, lines: string[]) => ({ blob: new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }), filename });
  /** One payment as POST /payments records it: never more than payable now, errors naming the partner. */
  const pay = (code: string, amount: number | undefined, details: { method?: string; reference?: string; note?: string }, batchId: number | null, index?: number) => {
    const due = payouts.find((p) => p.partnerCode === code);
    const row = index === undefined ? '' : `payments[${index}] (${code}): `;
    const field = index === undefined ? 'amount' : `payments.${index}.amount`;
    if (!due) throw new ApiError(404, 'partner_not_found', `${row}Partner "${code}" not found`, index === undefined ? 'partnerCode' : `payments.${index}.partner`);
    const paying = amount ?? due.amount;
    if (paying <= 0) throw new ApiError(422, 'nothing_payable', `${row}${code} has nothing payable now ($0.00)`, field);
    if (paying > due.amount) throw new ApiError(422, 'exceeds_approved_balance', `${row}${code} has $${(due.amount / 100).toFixed(2)} payable now; $${(paying / 100).toFixed(2)} is more`, field);
    return { due, paying, made: () => {
      due.amount -= paying;
      const made = payment(nextPaymentId++, code, paying, new Date().toISOString(), { method: details.method ?? null, reference: details.reference ?? null, note: details.note ?? null, batchId });
      payments.unshift(made);
      settleRequest(code, made.id); // as the server does: the payment settles the partner's open payout request
      return made;
    } };
  };
  const { settle: settleRequest, ...payoutRequestsApi } = fakePayoutRequestsApi(options, (method, args, produce) => answer(method, args, produce));
  const user: AdminUser = { ...ownerUser, role: options.role ?? 'owner', email: options.role === 'staff' ? 'staff@northwind.example' : ownerUser.email };

  const answer = async <T>(method: FakeAdminMethod, args: unknown[], produce: () => T): Promise<T> => {
    calls.push({ method, args });
    await Promise.resolve();
    const failure = options.fail?.[method];
    if (failure === 'pending') return never<T>();
    if (failure === 'forbidden') throw new ApiError(403, 'forbidden', 'Staff users cannot do this; an owner can.');
    if (failure === 'error') throw new ApiError(500, 'internal', 'The server had a problem. Please try again.');
    if (failure) throw failure;
    return produce();
  };
  const find = (code: string) => {
    const p = partners.find((x) => x.code === code);
    if (!p) throw new ApiError(404, 'partner_not_found', `Partner "${code}" not found`);
    return p;
  };
  /** the detail answer: programs, parent and children as the server joins them */
  const detail = (p: PartnerDetail): PartnerDetail => {
    const ref = ({ code, name }: PartnerDetail) => ({ code, name });
    const children = partners.filter((x) => x.parentCode === p.code).map(ref);
    const parent = partners.find((x) => x.code === p.parentCode);
    const programs = p.programIds.map((id) => adminPrograms.find((x) => x.id === id) ?? program(id, `Program ${id}`)).map(({ id, name, status }) => ({ id, name, status }));
    return { ...p, programs, parent: parent ? ref(parent) : null, children, childrenCount: children.length };
  };
  /** keyset paging over an already ordered list: the cursor is the index to continue at */
  const page = <T>(rows: T[], cursor?: string) => {
    const start = cursor ? Number(cursor) : 0;
    const slice = rows.slice(start, start + pageSize);
    return { slice, nextCursor: start + pageSize < rows.length ? String(start + pageSize) : null };
  };

  return {
    baseUrl: 'https://partners.example.com',
    calls,
    login: (credentials) =>
      answer<AdminLoginResult>('login', [credentials], () => {
        if (options.login === 'invalid') throw new ApiError(401, 'invalid_credentials', 'Wrong email or password.');
        if (options.login === 'locked') throw new ApiError(429, 'too_many_attempts', 'Too many attempts.', undefined, options.retryAfter ?? 900);
        return { token: 'admin-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user };
      }),
    logout: () => answer('logout', [], () => undefined),
    me: () => answer('me', [], () => user),
    partners: (query: PartnerQuery) =>
      answer('partners', [query], () => {
        const q = query.q?.toLowerCase();
        let rows = partners.filter(
          (p) =>
            (!q || [p.code, p.name, p.email].some((f) => f.toLowerCase().includes(q))) &&
            (!query.status || p.status === query.status),
        );
        const key = query.sort ?? 'created';
        const field = key === 'created' ? 'createdAt' : key;
        rows = rows.sort((a, b) => a[field].localeCompare(b[field]));
        if ((query.order ?? (key === 'created' ? 'desc' : 'asc')) === 'desc') rows.reverse();
        const { slice, nextCursor } = page(rows, query.cursor);
        return { partners: slice, total: rows.length, nextCursor };
      }),
    partner: (code) => answer('partner', [code], () => detail(find(code))),
    createPartner: (input) =>
      answer('createPartner', [input], () => {
        if (partners.some((x) => x.code === input.code)) throw new ApiError(409, 'code_taken', `The partner code "${input.code}" is taken`, 'code');
        const created = account(input.code, input.name, { email: input.email, programIds: input.programIds ?? [], parentCode: input.parentCode ?? null, status: input.status ?? 'active', createdAt: new Date().toISOString() });
        partners.push(created);
        return created;
      }),
    approvePartner: (code) => answer('approvePartner', [code], () => detail(Object.assign(find(code), { status: 'active' as const }))),
    rejectPartner: (code, reason) =>
      answer('rejectPartner', [code, reason], () =>
        detail(Object.assign(find(code), { status: 'disabled' as const, rejection: { reason, at: new Date().toISOString() } })),
      ),
    updatePartner: (code, patch) => answer('updatePartner', [code, patch], () => Object.assign(find(code), patch)),
    setPartnerPassword: (code, password) => answer('setPartnerPassword', [code, password], () => void find(code)),
    partnerLedger: (code) =>
      answer<PartnerLedger>('partnerLedger', [code], () => {
        const p = find(code);
        if (!p.balance.balance) return { balance: p.balance, entries: [], nextCursor: null };
        const at = '2026-02-15T12:00:00.000Z';
        const entry = { currency: 'USD', paymentId: null, reversesId: null, at };
        return {
          balance: p.balance,
          nextCursor: null,
          entries: [
            { ...entry, id: 3, type: 'payment', amount: -5_000, balance: p.balance.balance, description: 'Payment (PayPal)', commissionId: null, paymentId: 1 },
            { ...entry, id: 2, type: 'clawback', amount: -995, balance: p.balance.balance + 5_000, description: 'Refund of order A-105', commissionId: 105 },
            { ...entry, id: 1, type: 'commission', amount: 18_495, balance: 18_495, description: 'Commission on order A-101', commissionId: 101 },
          ],
        };
      }),
    embedToken: (code) =>
      answer('embedToken', [code], () => {
        const { name, email, status, phone, company, website, address, payoutMethod, payoutDetails, createdAt } = find(code);
        const partner = { code, name, email, status, phone, company, website, address, payoutMethod, payoutDetails, emailConfirmed: true, createdAt };
        return { embedToken: `embed-${code}`, expiresAt: new Date(Date.now() + 300_000).toISOString(), partner };
      }),
    programs: () => answer('programs', [], () => programs.filter((p) => p.status === 'active')),
    currency: () => answer('currency', [], () => 'USD'),
    commissions: (query: CommissionQuery) =>
      answer('commissions', [query], () => {
        const rows = commissions.filter(
          (c) =>
            (!query.status || c.status === query.status) &&
            (!query.partner || c.partnerCode === query.partner) &&
            (!query.program || c.programId === query.program) &&
            (!query.from || c.createdAt.slice(0, 10) >= query.from) &&
            (!query.to || c.createdAt.slice(0, 10) <= query.to),
        );
        const { slice, nextCursor } = page(rows, query.cursor);
        return { commissions: slice, nextCursor };
      }),
    approveCommissions: (ids) =>
      answer('approveCommissions', [ids], () => {
        const result: BatchApproveResult = { approved: [], skipped: [] };
        for (const id of ids) {
          const c = commissions.find((x) => x.id === id);
          if (c?.status === 'pending') result.approved.push(Object.assign(c, { status: 'approved' as const }));
          else if (!c) result.skipped.push({ id, reason: 'not_found', message: `Commission ${id} does not exist` });
          else if (c.status === 'approved') result.skipped.push({ id, reason: 'already_approved', message: `Commission ${id} is approved already` });
          else if (c.status === 'paid') result.skipped.push({ id, reason: 'already_paid', message: `Commission ${id} is paid already` });
          else result.skipped.push({ id, reason: 'clawed_back', message: `Commission ${id} was clawed back in full and cannot be approved` });
        }
        return result;
      }),
    approveCommission: (id) =>
      answer('approveCommission', [id], () => Object.assign(commissions.find((c) => c.id === id)!, { status: 'approved' as const })),
    reverseCommission: (id, note) =>
      answer('reverseCommission', [id, note], () => {
        const c = commissions.find((x) => x.id === id)!;
        return Object.assign(c, { status: 'clawed_back' as const, clawedBack: c.amount, clawback: { amount: c.amount, date: new Date().toISOString(), reason: note } });
      }),

    listPrograms: (query = {}) => answer('listPrograms', [query], () => programs.filter((p) => !query.status || p.status === query.status).map((p) => structuredClone(p))),
    program: (id) => answer('program', [id], () => structuredClone(findProgram(id))),
    createProgram: (body) =>
      answer('createProgram', [body], () => {
        const id = Math.max(0, ...programs.map((p) => p.id)) + 1;
        const created = program(id, body.name, {
          ...body,
          recurring: { mode: body.recurring?.mode ?? 'every', payments: body.recurring?.payments ?? null },
          openToSignup: body.openToSignup ?? programs.length === 0,
          createdAt: now(),
          updatedAt: now(),
        } as Partial<Program>);
        programs = [...programs, created];
        return structuredClone(created);
      }),
    updateProgram: (id, patch) =>
      answer('updateProgram', [id, patch], () => {
        const p = findProgram(id);
        Object.assign(p, patch, patch.recurring && { recurring: { mode: patch.recurring.mode, payments: patch.recurring.payments ?? null } }, { updatedAt: now() });
        return structuredClone(p);
      }),
    archiveProgram: (id) => answer('archiveProgram', [id], () => structuredClone(Object.assign(findProgram(id), { status: 'archived' as const, updatedAt: now() }))),
    programExample: (request) =>
      answer('programExample', [request], () => {
        const amount = request.saleAmount ?? 10_000;
        const p = request.program;
        return {
          currency: settings.currency,
          saleAmount: amount,
          sale: { partner: pays(p.saleCommission, amount), parent: pays(p.secondTier, amount), commissions: [] },
          lead: p.leadCommission ?? 0,
          holdDays: p.holdDays ?? settings.holdDays,
        };
      }),

    settings: () => answer('settings', [], () => structuredClone(settings)),
    updateSettings: (patch) =>
      answer('updateSettings', [patch], () => {
        settings = { ...settings, ...patch, menus: { ...settings.menus, ...patch.menus } };
        return structuredClone(settings);
      }),
    adminKeys: () => answer('adminKeys', [], () => keys.map((k) => ({ ...k }))),
    createAdminKey: (name) =>
      answer('createAdminKey', [name], () => {
        const id = Math.max(0, ...keys.map((k) => k.id)) + 1;
        const key = { id, name, prefix: `pc_ak_${String(id).padStart(4, '0')}`, createdAt: now(), lastUsedAt: null, revokedAt: null };
        keys = [...keys, key];
        return { ...key, key: `${key.prefix}_secret-shown-once` };
      }),
    revokeAdminKey: (id) =>
      answer('revokeAdminKey', [id], () => {
        const key = keys.find((k) => k.id === id);
        if (!key) throw new ApiError(404, 'not_found', `Admin key ${id} not found`);
        return { ...Object.assign(key, { revokedAt: now() }) };
      }),
    merchantUsers: () => answer('merchantUsers', [], () => users.map((u) => ({ ...u }))),
    createMerchantUser: (user) =>
      answer('createMerchantUser', [user], () => {
        if (users.some((u) => u.email === user.email)) throw new ApiError(409, 'email_taken', `A merchant user with the email ${user.email} exists already`, 'email');
        const created: MerchantUser = { id: Math.max(0, ...users.map((u) => u.id)) + 1, email: user.email, role: user.role, status: 'active', createdAt: now(), updatedAt: now() };
        users = [...users, created];
        return { ...created };
      }),
    updateMerchantUser: (id, patch) =>
      answer('updateMerchantUser', [id, patch], () => {
        const u = findUser(id);
        if ((patch.role === 'staff' || patch.status === 'disabled') && u.role === 'owner' && lastOwner(id)) {
          const what = patch.role === 'staff' ? 'made staff' : 'disabled';
          throw new ApiError(409, 'last_owner', `${u.email} is the last active owner and cannot be ${what}: make another user an owner first`);
        }
        const { password: _password, ...visible } = patch;
        return { ...Object.assign(u, visible, { updatedAt: now() }) };
      }),
    deleteMerchantUser: (id) =>
      answer('deleteMerchantUser', [id], () => {
        const u = findUser(id);
        if (u.role === 'owner' && lastOwner(id)) throw new ApiError(409, 'last_owner', `${u.email} is the last active owner and cannot be removed: make another user an owner first`);
        users = users.filter((x) => x.id !== id);
      }),
    payoutsDue: (query = {}) =>
      answer('payoutsDue', [query], () => {
        const due = payouts.filter((p) => p.amount > 0 && p.amount >= minimum).sort((a, b) => b.amount - a.amount || a.partnerCode.localeCompare(b.partnerCode));
        const total = { count: due.length, amount: due.reduce((t, p) => t + p.amount, 0) };
        if (query.limit === undefined && query.cursor === undefined) return { minimum, currency: 'USD', payouts: due.map((p) => ({ ...p })), nextCursor: null, total };
        const start = query.cursor ? Number(query.cursor) : 0;
        const size = query.limit ?? 100;
        const nextCursor = start + size < due.length ? String(start + size) : null;
        return { minimum, currency: 'USD', payouts: due.slice(start, start + size).map((p) => ({ ...p })), nextCursor, total };
      }),
    downloadPayoutsCsv: (layout) =>
      answer('downloadPayoutsCsv', [layout], () => {
        const due = payouts.filter((p) => p.amount >= minimum);
        const amount = (p: PayoutDue) => (p.amount / 100).toFixed(2);
        if (layout === 'paypal') return csv('payouts-paypal-2026-03-02.csv', due.map((p) => `${p.email},${amount(p)},USD,${p.partnerCode},Commission payout,PAYPAL`));
        if (layout === 'wise') return csv('payouts-wise-2026-03-02.csv', ['name,recipientEmail,paymentReference,receiverType,amountCurrency,amount,sourceCurrency,targetCurrency,IBAN', ...due.map((p) => `${p.name},${p.email},Commission payout,PERSON,target,${amount(p)},USD,USD,`)]);
        return csv('payouts-2026-03-02.csv', ['code,name,email,amount,currency,payout_method,payout_details', ...due.map((p) => `${p.partnerCode},${p.name},${p.email},${amount(p)},USD,${p.payoutMethod ?? ''},`)]);
      }),
    recordPayment: (code, amount, details) => answer('recordPayment', [code, amount, details], () => pay(code, amount, details, null).made()),
    recordPaymentBatch: (batch) =>
      answer('recordPaymentBatch', [batch], () => {
        // all or nothing: every row is checked before any is recorded
        const checked = batch.payments.map((p, i) => pay(p.partner, p.amount, batch, nextBatchId, i));
        const batchId = nextBatchId++;
        const made = checked.map((c) => c.made());
        return { batchId, at: new Date().toISOString(), count: made.length, total: made.reduce((t, p) => t + p.amount, 0), currency: 'USD', payments: made };
      }),
    payments: (query) =>
      answer('payments', [query], () => {
        const rows = payments.filter((p) => (!query.partner || p.partnerCode === query.partner) && (query.batch === undefined || p.batchId === query.batch));
        const start = query.cursor ? Number(query.cursor) : 0;
        const size = Math.min(query.limit ?? 50, pageSize);
        return { payments: rows.slice(start, start + size), nextCursor: start + size < rows.length ? String(start + size) : null };
      }),
    dashboard: (query) => answer('dashboard', [query], () => {
        if (options.dashboard) return options.dashboard;
        const [from, to] = [query.from ? Date.parse(query.from) : NaN, query.to ? Date.parse(query.to) : NaN];
        const days = Number.isNaN(from) || Number.isNaN(to) ? 7 : Math.max(1, Math.round((to - from) / 86_400_000));
        return adminDashboard(true, query.from?.slice(0, 10) ?? '2026-03-01', days);
      }),
    audit: (query) =>
      answer('audit', [query], () => {
        const { slice, nextCursor } = page(auditMatching(audit, query), query.cursor);
        return { items: slice, nextCursor };
      }),
    downloadAuditCsv: (query) =>
      answer('downloadAuditCsv', [query], () =>
        csv('audit-log.csv', ['id,at,actor_type,actor,action,target_type,target_id,before,after', ...auditMatching(audit, query).map((e) => `${e.id},${e.at},${e.actorType},${e.actor},${e.action},${e.targetType},${e.targetId ?? ''},,`)]),
      ),
    ...fakeResourcesApi(options, answer),
    ...fakeEmailApi(options, answer),
    ...fakeWebhooksApi(options, answer),
    ...fakeIntegrationsApi(options, answer),
    ...payoutRequestsApi,
  };
}

/** A console session of its own, in memory: signed in (as the role given) or signed out. */
export function fakeAdminSession(signedIn = true, role: AdminRole = 'owner'): AdminSession {
  const session = new AdminSession(null);
  if (signedIn) {
    session.start({
      token: 'admin-token',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { ...ownerUser, role, email: role === 'staff' ? 'staff@northwind.example' : ownerUser.email },
    });
  }
  return session;
}

// ── promotional material: links, banners, email copy, resource pages, uploads ───────────────

const stamp = { createdAt: '2026-01-10T09:00:00.000Z', updatedAt: '2026-01-10T09:00:00.000Z' };
const BASE = 'https://partners.example.com';

/** An image address the browser needs no network for (stories and tests run offline). */
const squareImage = bannerImage(250, 250, '20% off', '#2c5cc5');

export const adminResources: { [K in AdminResourceKind]: AdminResourceKinds[K][] } = {
  links: [
    { id: 1, slug: 'home', name: 'Home page', destination: 'https://shop.example.com/', status: 'active', partnerCode: null, sub: null, programIds: [], url: `${BASE}/r/{code}/home`, ...stamp },
    { id: 2, slug: 'spring-sale', name: 'Spring sale', destination: 'https://shop.example.com/spring', status: 'active', partnerCode: null, sub: null, programIds: [2], url: `${BASE}/r/{code}/spring-sale`, ...stamp },
    { id: 3, slug: 'old-promo', name: 'Old promo', destination: 'https://shop.example.com/old', status: 'disabled', partnerCode: null, sub: null, programIds: [], url: `${BASE}/r/{code}/old-promo`, ...stamp },
  ],
  banners: [
    { id: 11, name: 'Leaderboard', imageUrl: null, uploadId: 5, imageSrc: bannerImage(728, 90, 'Northwind spring'), width: 728, height: 90, alt: 'Northwind spring collection', linkId: 1, linkSlug: 'home', sortOrder: 0, status: 'active', programIds: [], ...stamp },
    { id: 12, name: 'Square', imageUrl: squareImage, uploadId: null, imageSrc: squareImage, width: 250, height: 250, alt: 'Spring sale: 20% off', linkId: 2, linkSlug: 'spring-sale', sortOrder: 1, status: 'archived', programIds: [2], ...stamp },
  ],
  'email-copy': [
    { id: 21, name: 'Spring announcement', subject: 'Northwind spring sale', body: 'Hi!\n\n{{partner.name}} here: Northwind has 20% off this week.\n{{link}}', linkId: 2, linkSlug: 'spring-sale', sortOrder: 0, status: 'active', programIds: [], ...stamp },
    { id: 22, name: 'Newsletter blurb', subject: 'A shop I like', body: 'Have a look: {{link}}', linkId: 1, linkSlug: 'home', sortOrder: 1, status: 'active', programIds: [1], ...stamp },
  ],
  'resource-pages': [
    { id: 31, title: 'Brand guidelines', slug: 'brand-guidelines', body: '# Our brand\n\nUse the **blue** logo. See [the shop](https://shop.example.com).', sortOrder: 0, status: 'active', programIds: [], ...stamp },
    { id: 32, title: 'FAQ', slug: 'faq', body: '## How am I paid?\n\nMonthly, by PayPal.', sortOrder: 1, status: 'active', programIds: [1], ...stamp },
  ],
};

type Answer = <T>(method: FakeAdminMethod, args: unknown[], produce: () => T) => Promise<T>;

/** The material part of the fake: lists in order, create / change / delete, and an image upload. */
function fakeResourcesApi(options: FakeAdminOptions, answer: Answer) {
  const store = Object.fromEntries(
    (Object.keys(adminResources) as AdminResourceKind[]).map((kind) => [kind, (options.resources?.[kind] ?? adminResources[kind]).map((r) => ({ ...r }))]),
  ) as unknown as { [K in AdminResourceKind]: AdminResourceKinds[K][] };
  let nextId = 100;
  const list = <K extends AdminResourceKind>(kind: K) => store[kind] as AdminResourceKinds[K][];
  const find = <K extends AdminResourceKind>(kind: K, id: number) => {
    const item = list(kind).find((r) => r.id === id);
    if (!item) throw new ApiError(404, 'not_found', `${kind} ${id} not found`);
    return item;
  };
  const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => ((a as { sortOrder?: number }).sortOrder ?? 0) - ((b as { sortOrder?: number }).sortOrder ?? 0));
  const withDerived = (kind: AdminResourceKind, item: Record<string, unknown>) => {
    if (kind === 'banners' && !String(item.imageSrc ?? '').startsWith('data:')) item.imageSrc = item.imageUrl ?? bannerImage(Number(item.width), Number(item.height), String(item.name));
    if (kind === 'links') item.url = `${BASE}/r/{code}/${item.slug}`;
    if ('linkId' in item) item.linkSlug = store.links.find((l) => l.id === item.linkId)?.slug ?? null;
    return item;
  };
  return {
    resources: <K extends AdminResourceKind>(kind: K) => answer('resources', [kind], () => sorted(list(kind)).map((r) => ({ ...r }))),
    createResource: <K extends AdminResourceKind>(kind: K, input: Partial<AdminResourceKinds[K]>) =>
      answer('createResource', [kind, input], () => {
        const name = (input as { name?: string; title?: string }).name ?? (input as { title?: string }).title;
        if (!name?.trim()) throw new ApiError(400, 'invalid_request', `${kind === 'resource-pages' ? 'title' : 'name'}: is required`, kind === 'resource-pages' ? 'title' : 'name');
        const defaults = { status: 'active', programIds: [], sortOrder: list(kind).length, ...stamp };
        const item = withDerived(kind, { ...defaults, ...input, id: ++nextId }) as unknown as AdminResourceKinds[K];
        list(kind).push(item);
        return { ...item };
      }),
    updateResource: <K extends AdminResourceKind>(kind: K, id: number, patch: Partial<AdminResourceKinds[K]>) =>
      answer('updateResource', [kind, id, patch], () => ({ ...(withDerived(kind, Object.assign(find(kind, id), patch)) as unknown as AdminResourceKinds[K]) })),
    deleteResource: (kind: AdminResourceKind, id: number) =>
      answer('deleteResource', [kind, id], () => {
        const rows = list(kind) as { id: number }[];
        rows.splice(rows.indexOf(find(kind, id)), 1);
      }),
    uploadImage: (file: Blob) =>
      answer('uploadImage', [file], () => {
        const id = ++nextId;
        return { id, contentType: file.type as 'image/png', size: file.size, sha256: 'f'.repeat(64), width: 300, height: 250, url: bannerImage(300, 250, 'Uploaded', '#7a3e9d'), createdAt: stamp.createdAt };
      }),
    deleteUpload: (id: number) => answer('deleteUpload', [id], () => undefined),
  };
}
