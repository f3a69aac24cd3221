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
  AdminProgram,
  AdminRole,
  AdminUser,
  CommissionQuery,
  PartnerAccountDetail,
  PartnerLedger,
  PartnerQuery,
} from '../../admin/api/types.js';
import { ApiError } from '../../src/api/errors.js';

export type FakeAdminMethod = Exclude<keyof AdminApi, 'baseUrl'>;

export interface FakeAdminOptions {
  /** What "Sign in" answers: ok, wrong credentials, or locked out (429). */
  login?: 'ok' | 'invalid' | 'locked';
  retryAfter?: number;
  role?: AdminRole;
  partners?: PartnerAccountDetail[];
  commissions?: AdminCommission[];
  /** every rule of each program (default: `fullPrograms`) */
  programs?: Program[];
  settings?: MerchantSettings;
  adminKeys?: AdminKey[];
  merchantUsers?: MerchantUser[];
  /** page size the fake uses whatever the caller asks (to show "Load more") */
  pageSize?: number;
  /** a method that fails: an error to throw, `forbidden` (403), `error` (500) or `pending` (never answers) */
  fail?: Partial<Record<FakeAdminMethod, 'forbidden' | 'error' | 'pending' | Error>>;
}

export interface FakeAdminApi extends AdminApi {
  calls: { method: FakeAdminMethod; args: unknown[] }[];
}

export const ownerUser: AdminUser = { id: 1, email: 'owner@northwind.example', role: 'owner' };

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

const account = (code: string, name: string, extra: Partial<PartnerAccountDetail> = {}): PartnerAccountDetail => ({
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
  ...extra,
});

export const adminPartners: PartnerAccountDetail[] = [
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
  ...extra,
});

export const adminCommissions: AdminCommission[] = [
  commission(101, 'ann'),
  commission(102, 'ann', { orderId: 'A-102', amount: 500, rateType: 'flat', rateValue: 500 }),
  commission(103, 'bob', { status: 'approved', approvedAt: '2026-03-01T00:00:00.000Z' }),
  commission(104, 'bob', { status: 'clawed_back', clawedBack: 1_990 }),
  commission(105, 'ann', { status: 'approved', clawedBack: 995, programId: 2, programName: 'Creators' }),
];

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
            (!query.status || p.status === query.status) &&
            (!query.parent || p.parentCode === query.parent),
        );
        const key = query.sort ?? 'created';
        const field = key === 'created' ? 'createdAt' : key;
        rows = rows.sort((a, b) => a[field].localeCompare(b[field]));
        if ((query.order ?? (key === 'created' ? 'desc' : 'asc')) === 'desc') rows.reverse();
        const { slice, nextCursor } = page(rows, query.cursor);
        return { partners: slice, total: rows.length, nextCursor };
      }),
    partner: (code) => answer('partner', [code], () => ({ ...find(code) })),
    approvePartner: (code) => answer('approvePartner', [code], () => Object.assign(find(code), { status: 'active' as const })),
    rejectPartner: (code, reason) => answer('rejectPartner', [code, reason], () => Object.assign(find(code), { status: 'disabled' as const })),
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
    embedToken: (code) => answer('embedToken', [code], () => (find(code), { embedToken: `embed-${code}`, expiresAt: new Date(Date.now() + 300_000).toISOString() })),
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
        const approved: number[] = [];
        const skipped: { id: number; reason: string }[] = [];
        for (const id of ids) {
          const c = commissions.find((x) => x.id === id);
          if (c?.status === 'pending') {
            c.status = 'approved';
            approved.push(id);
          } else skipped.push({ id, reason: 'not_pending' });
        }
        return { approved, skipped };
      }),
    approveCommission: (id) =>
      answer('approveCommission', [id], () => Object.assign(commissions.find((c) => c.id === id)!, { status: 'approved' as const })),
    reverseCommission: (id, note) =>
      answer('reverseCommission', [id, note], () => {
        const c = commissions.find((x) => x.id === id)!;
        return Object.assign(c, { status: 'clawed_back' as const, clawedBack: c.amount });
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
