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
  AdminResourceKind,
  AdminResourceKinds,
  AdminRole,
  AdminUser,
  CommissionQuery,
  PartnerAccountDetail,
  PartnerLedger,
  PartnerQuery,
} from '../../admin/api/types.js';
import { ApiError } from '../../src/api/errors.js';
import { bannerImage } from './fake-api.js';

export type FakeAdminMethod = Exclude<keyof AdminApi, 'baseUrl'>;

export interface FakeAdminOptions {
  /** What "Sign in" answers: ok, wrong credentials, or locked out (429). */
  login?: 'ok' | 'invalid' | 'locked';
  retryAfter?: number;
  role?: AdminRole;
  partners?: PartnerAccountDetail[];
  commissions?: AdminCommission[];
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

export const ownerUser: AdminUser = { id: 1, email: 'owner@northwind.example', role: 'owner' };

export const adminPrograms: AdminProgram[] = [
  { id: 1, name: 'Friends of Northwind', status: 'active' },
  { id: 2, name: 'Creators', status: 'active' },
];

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
    ...fakeResourcesApi(options, answer),
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

export const adminResources: { [K in AdminResourceKind]: AdminResourceKinds[K][] } = {
  links: [
    { id: 1, slug: 'home', name: 'Home page', destination: 'https://shop.example.com/', status: 'active', partnerCode: null, sub: null, programIds: [], url: `${BASE}/r/{code}/home`, ...stamp },
    { id: 2, slug: 'spring-sale', name: 'Spring sale', destination: 'https://shop.example.com/spring', status: 'active', partnerCode: null, sub: null, programIds: [2], url: `${BASE}/r/{code}/spring-sale`, ...stamp },
    { id: 3, slug: 'old-promo', name: 'Old promo', destination: 'https://shop.example.com/old', status: 'disabled', partnerCode: null, sub: null, programIds: [], url: `${BASE}/r/{code}/old-promo`, ...stamp },
  ],
  banners: [
    { id: 11, name: 'Leaderboard', imageUrl: null, uploadId: 5, imageSrc: bannerImage(728, 90, 'Northwind spring'), width: 728, height: 90, alt: 'Northwind spring collection', linkId: 1, linkSlug: 'home', sortOrder: 0, status: 'active', programIds: [], ...stamp },
    { id: 12, name: 'Square', imageUrl: 'https://cdn.example.com/square.png', uploadId: null, imageSrc: bannerImage(250, 250, '20% off', '#2c5cc5'), width: 250, height: 250, alt: 'Spring sale: 20% off', linkId: 2, linkSlug: 'spring-sale', sortOrder: 1, status: 'archived', programIds: [2], ...stamp },
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
