/**
 * An in-memory admin API for the console's element tests and stories: the same contract as
 * admin/api/client.ts (cursors, approve/reject, batch approve…), with knobs for every state.
 */
import { AdminSession } from '../../admin/api/session.js';
import type {
  AdminApi,
  AdminCommission,
  AdminLoginResult,
  AdminProgram,
  AdminRole,
  AdminUser,
  CommissionQuery,
  BatchApproveResult,
  PartnerDetail,
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
  partners?: PartnerDetail[];
  commissions?: AdminCommission[];
  /** page size the fake uses whatever the caller asks (to show "Load more") */
  pageSize?: number;
  /** a method that fails: an error to throw, `forbidden` (403), `error` (500) or `pending` (never answers) */
  fail?: Partial<Record<FakeAdminMethod, 'forbidden' | 'error' | 'pending' | Error>>;
}

export interface FakeAdminApi extends AdminApi {
  calls: { method: FakeAdminMethod; args: unknown[] }[];
}

export const ownerUser: AdminUser = { id: 1, email: 'owner@northwind.example', role: 'owner', status: 'active', createdAt: '2026-01-01T09:00:00.000Z', updatedAt: '2026-01-01T09:00:00.000Z' };

const program = (id: number, name: string): AdminProgram => ({
  id,
  name,
  description: '',
  priority: id,
  saleCommission: { type: 'percent', value: 1000 },
  leadCommission: null,
  recurring: { mode: 'none', payments: null },
  secondTier: null,
  attributionWindowDays: 30,
  attributionModel: 'last_click',
  holdDays: 14,
  status: 'active',
  openToSignup: id === 1,
  productRates: [],
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:00:00.000Z',
});

export const adminPrograms: AdminProgram[] = [program(1, 'Friends of Northwind'), program(2, 'Creators')];

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

const never = <T>() => new Promise<T>(() => {});

/** A fake admin API; its `calls` list what the element asked. */
export function fakeAdminApi(options: FakeAdminOptions = {}): FakeAdminApi {
  const calls: FakeAdminApi['calls'] = [];
  const partners = (options.partners ?? adminPartners).map((p) => ({ ...p }));
  const commissions = (options.commissions ?? adminCommissions).map((c) => ({ ...c }));
  const pageSize = options.pageSize ?? 50;
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
        const partner = { code, name, email, status, phone, company, website, address, payoutMethod, payoutDetails, createdAt };
        return { embedToken: `embed-${code}`, expiresAt: new Date(Date.now() + 300_000).toISOString(), partner };
      }),
    programs: () => answer('programs', [], () => adminPrograms),
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
