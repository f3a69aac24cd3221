import { ApiError } from '../../src/api/errors.js';
import type {
  Balance,
  Commission,
  Credentials,
  Lead,
  LedgerEntry,
  LinkPatch,
  LinkStats,
  LoginResult,
  Overview,
  PayoutRequest,
  PayoutsAnswer,
  RecruitsAnswer,
  Me,
  NewDeepLink,
  NotificationPatch,
  NotificationPreferences,
  PageQuery,
  Partner,
  PartnerApi,
  PartnerBanner,
  PartnerEmail,
  PartnerLink,
  PartnerLinks,
  PartnerProgram,
  Portal,
  ProfilePatch,
  ReportName,
  RequestOptions,
  ResourcePage,
  Sale,
  SignupRequest,
  SignupResult,
} from '../../src/api/types.js';
import { sessionStore, SessionStore } from '../../src/session.js';
import { commissionReportOf, ledgerPageOf, sampleBalance, sampleLinkStats } from './report-data.js';

/**
 * A stand-in for the partner API, for element tests and Storybook stories: no server, answers
 * chosen per scenario, every call recorded.
 */
export interface FakeApiOptions {
  /**
   * How sign-in answers: `pending` never settles (the busy state); `server` follows the
   * server's rules — the partner's code (any case) with `demo-password` signs in, and five
   * failures for one code lock that code (not the others) for `retryAfter` seconds.
   */
  login?: 'ok' | 'invalid' | 'locked' | 'disabled' | 'network' | 'pending' | 'server';
  /** Seconds of lockout for `login: 'locked'` and `login: 'server'`. */
  retryAfter?: number;
  partner?: Partner;
  /** Milliseconds every answer waits. */
  delay?: number;
  /** Make any method fail with this error, or never settle ('pending': the loading state). */
  fail?: Partial<Record<Exclude<keyof PartnerApi, 'login'>, ApiError | 'pending'>>;
  programs?: PartnerProgram[];
  portal?: Partial<Portal>;
  /** The welcome message's HTML (as the server would send it, already sanitized). */
  welcomeHtml?: string;
  /** How sign-up answers: pending approval (default) or active and signed in. */
  signup?: 'pending' | 'active';
  // ── account (issue 12): password reset, email confirmation, notifications ──
  /**
   * How "send me a reset link" answers: `ok` (202, the same words whoever asked), `limited`
   * (429 with Retry-After), `network`, `pending` (never settles).
   */
  passwordReset?: 'ok' | 'limited' | 'network' | 'pending';
  /**
   * The reset tokens the fake server knows (others are forged: `reset_token_invalid`). Default:
   * {@link RESET_TOKENS}. A valid token works once, then answers `reset_token_used`; the new
   * password then signs in with `login: 'server'` and is the current password for the profile.
   */
  resetTokens?: Record<string, 'valid' | 'expired' | 'used'>;
  /** The email confirmation tokens the fake server knows (default {@link CONFIRM_TOKENS}); others are invalid. */
  confirmTokens?: Record<string, 'valid' | 'expired' | 'used'>;
  /** `emailConfirmed` of GET /me (default true); a new email address makes it false, like the server. */
  emailConfirmed?: boolean;
  /** The partner's notification choices and the kinds the merchant sends (defaults: immediate, on, on; all available). */
  notifications?: Partial<Omit<NotificationPreferences, 'available'>> & { available?: Partial<NotificationPreferences['available']> };
  // resources (see the block at the end of this file)
  /** the partner's coupon codes `GET /me` answers (issue 13); absent: the field is left out, as older servers do */
  coupons?: string[];
  links?: ResourceAnswer;
  linksData?: PartnerLinks;
  createLink?: 'ok' | 'not-allowed' | 'error' | 'pending';
  banners?: ResourceAnswer;
  bannersData?: PartnerBanner[];
  emailCopy?: ResourceAnswer;
  emailsData?: PartnerEmail[];
  resources?: ResourceAnswer;
  pagesData?: ResourcePage[];

  // ── reports: <partner-ledger>, <partner-reports> ──
  /** How report calls answer: `pending` never settles; `expired` is a 401 that ends the session. */
  reports?: 'ok' | 'error' | 'network' | 'pending' | 'expired';
  /** Only the calls for a next page (with a cursor) fail. */
  moreFails?: boolean;
  /** Ledger entries, newest first, with running balances (see report-data.ts). Default: none. */
  ledger?: LedgerEntry[];
  /** Overrides of the balance derived from the ledger. */
  balance?: Partial<Balance>;
  commissions?: Commission[];
  leads?: Lead[];
  leadPrivacy?: 'masked' | 'full';
  sales?: Sale[];
  /** Default: no activity. */
  linkStats?: LinkStats;
  /** How CSV downloads answer. */
  csv?: 'ok' | 'error';
  currency?: string;
  /** The session an `expired` answer ends (default: the page's). */
  session?: SessionStore;

  // ── overview, payouts, recruiting (issue 14): see portalMethods at the end of this file ──
  /** The overview's answer (default: a partner with no activity yet, {@link emptyOverview}). */
  overview?: Overview;
  /** The payouts answer (default: monthly schedule, nothing paid yet). */
  payoutsData?: PayoutsAnswer;
  /** The recruits answer (default: no second tier, not enabled). */
  recruitsData?: RecruitsAnswer;
}

export const serverError = () => new ApiError(500, 'internal_error', 'Something went wrong on the server');

export const samplePrograms: PartnerProgram[] = [
  {
    id: 2,
    name: 'Outdoor Pro',
    description: 'For creators and guides who send us serious hikers. Higher rates on tents and packs.',
    priority: 10,
    currency: 'USD',
    saleCommission: { type: 'percent', value: 1200 },
    productRates: [
      { productId: 'TENT-2P', type: 'percent', value: 1500 },
      { productId: 'GIFT-CARD', type: 'flat', value: 200 },
    ],
    leadCommission: 150,
    recurring: { mode: 'first_n', payments: 3 },
    secondTier: { type: 'percent', value: 200 },
    attributionWindowDays: 60,
    attributionModel: 'last_click',
    holdDays: 30,
    enrolledAt: '2026-01-05T09:30:00.000Z',
  },
  {
    id: 1,
    name: 'Friends of Northwind',
    description: 'Our everyday referral program: share your link, earn on every order.',
    priority: 1,
    currency: 'USD',
    saleCommission: { type: 'flat', value: 1000 },
    productRates: [],
    leadCommission: null,
    recurring: { mode: 'none', payments: null },
    secondTier: null,
    attributionWindowDays: 30,
    attributionModel: 'first_click',
    holdDays: 14,
    enrolledAt: '2026-01-05T09:30:00.000Z',
  },
];

export const demoPartner: Partner = {
  code: 'demo',
  name: 'Dana Demo',
  email: 'dana.demo@example.com',
  status: 'active',
  emailConfirmed: true,
  phone: null,
  company: null,
  website: null,
  address: null,
  payoutMethod: null,
  payoutDetails: null,
  createdAt: '2026-01-05T09:30:00.000Z',
};

/** Reset tokens the fake server knows by default: one that works (once), one expired, one already used. */
export const RESET_TOKENS = { 'pc-reset-demo': 'valid', 'pc-reset-expired': 'expired', 'pc-reset-used': 'used' } as const;
/** Email confirmation tokens the fake server knows by default. */
export const CONFIRM_TOKENS = { 'pc-confirm-demo': 'valid', 'pc-confirm-expired': 'expired', 'pc-confirm-used': 'used' } as const;
/** The server's words for a reset request, whether or not an account matches. */
export const RESET_SENT_MESSAGE = 'If an account matches, we have sent a link to reset the password to its email address.';

const TOKEN_ERRORS = {
  reset: {
    invalid: 'This reset link is not valid. Ask for a new one.',
    expired: 'This reset link has expired. Ask for a new one.',
    used: 'This reset link was already used. Ask for a new one.',
  },
  confirm: {
    invalid: 'This confirmation link is not valid.',
    expired: 'This confirmation link has expired. Sign in and ask for a new one from your profile.',
    used: 'This confirmation link was already used.',
  },
} as const;

export interface FakeApi extends PartnerApi {
  calls: { method: string; args: unknown[] }[];
}

const never = <T>() => new Promise<T>(() => {});

export function fakeApi(options: FakeApiOptions = {}): FakeApi {
  const partner = options.partner ?? demoPartner;
  const calls: FakeApi['calls'] = [];
  let current: Me = { ...partner, emailConfirmed: options.emailConfirmed ?? true };
  /** The partner's password: a reset changes it. */
  let password = 'demo-password';
  const resetTokens: Record<string, 'valid' | 'expired' | 'used'> = { ...(options.resetTokens ?? RESET_TOKENS) };
  const confirmTokens: Record<string, 'valid' | 'expired' | 'used'> = { ...(options.confirmTokens ?? CONFIRM_TOKENS) };
  let notices: NotificationPreferences = {
    commission: 'immediate',
    payment: true,
    statement: true,
    ...options.notifications,
    available: { commission: true, payment: true, statement: true, ...options.notifications?.available },
  };
  /** `login: 'server'`: failure times per lower-cased code. */
  const failures = new Map<string, number[]>();
  const answer = async <T>(method: string, args: unknown[], produce: () => T | Promise<T>): Promise<T> => {
    calls.push({ method, args });
    if (options.delay) await new Promise((r) => setTimeout(r, options.delay));
    const failure = options.fail?.[method as keyof NonNullable<FakeApiOptions['fail']>];
    if (failure === 'pending') return never<T>();
    if (failure) throw failure;
    return produce();
  };
  return {
    calls,
    login(credentials: Credentials, _o?: RequestOptions) {
      return answer<LoginResult>('login', [credentials], () => {
        switch (options.login ?? 'ok') {
          case 'invalid':
            throw new ApiError(401, 'invalid_credentials', 'The partner code or password is incorrect');
          case 'locked': {
            const seconds = options.retryAfter ?? 900;
            throw new ApiError(429, 'too_many_attempts', `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, seconds);
          }
          case 'disabled':
            throw new ApiError(403, 'account_disabled', 'This partner account is disabled. Please contact the program manager.');
          case 'network':
            throw new ApiError(0, 'network_error', 'The partner server could not be reached. Check your connection and try again.');
          case 'pending':
            return never<LoginResult>();
          case 'server': {
            const seconds = options.retryAfter ?? 900;
            const key = credentials.code.toLowerCase();
            const recent = (failures.get(key) ?? []).filter((at) => at > Date.now() - seconds * 1000);
            if (recent.length >= 5) {
              const wait = Math.max(1, Math.ceil((recent[0]! + seconds * 1000 - Date.now()) / 1000));
              throw new ApiError(429, 'too_many_attempts', `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.`, undefined, wait);
            }
            if (key !== partner.code.toLowerCase() || credentials.password !== password) {
              failures.set(key, [...recent, Date.now()]);
              throw new ApiError(401, 'invalid_credentials', 'The partner code or password is incorrect');
            }
            return { token: 'pc_fake-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner };
          }
          default:
            return { token: 'pc_fake-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: { ...partner, code: credentials.code || partner.code } };
        }
      });
    },
    signup(request: SignupRequest) {
      return answer<SignupResult>('signup', [request], () => {
        const created = { ...partner, code: request.code, name: request.name, email: request.email };
        return options.signup === 'active'
          ? { partner: { ...created, status: 'active' }, status: 'active', message: 'Welcome aboard! You are signed in.', token: 'pc_new', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }
          : { partner: { ...created, status: 'pending' }, status: 'pending', message: 'Thanks for signing up! The program manager will review your application and email you.' /* earlier server wording, which promised an email: the element must not repeat it */ };
      });
    },
    exchangeEmbedToken(embedToken: string) {
      return answer<LoginResult>('exchangeEmbedToken', [embedToken], () => ({
        token: 'pc_from-embed',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        partner,
      }));
    },
    logout() {
      return answer('logout', [], () => undefined);
    },
    me() {
      return answer('me', [], () => (options.coupons ? { ...current, coupons: [...options.coupons] } : current));
    },
    updateProfile(patch: ProfilePatch) {
      return answer('updateProfile', [patch], () => {
        // like the server: a new email or payout details need the current password
        const { currentPassword, ...fields } = patch;
        const changed = (f: 'email' | 'payoutMethod' | 'payoutDetails') => fields[f] !== undefined && fields[f] !== (current[f] ?? null);
        const sensitive = changed('email') || changed('payoutMethod') || changed('payoutDetails');
        if (sensitive && !currentPassword) throw new ApiError(400, 'current_password_required', 'Enter your current password to change your email or payout details', 'currentPassword');
        if (sensitive && currentPassword !== password) throw new ApiError(400, 'wrong_password', 'The current password is not correct', 'currentPassword');
        // like the server: payout details change only from a confirmed address (a common account-takeover path)
        if ((changed('payoutMethod') || changed('payoutDetails')) && current.emailConfirmed === false) {
          throw new ApiError(403, 'email_unconfirmed', 'Confirm your email address before changing payout details.');
        }
        const emailConfirmed = changed('email') ? false : current.emailConfirmed;
        return (current = { ...current, ...fields, emailConfirmed });
      });
    },
    changePassword(change: { currentPassword: string; newPassword: string }) {
      return answer('changePassword', [change], () => {
        if (change.currentPassword !== password) throw new ApiError(400, 'wrong_password', 'The current password is not correct', 'currentPassword');
      });
    },
    requestPasswordReset(request: { login: string; resetUrl?: string }) {
      return answer('requestPasswordReset', [request], () => {
        if (!request.login.trim()) throw new ApiError(400, 'invalid_request', 'login: Enter your partner code or email address', 'login');
        switch (options.passwordReset ?? 'ok') {
          case 'limited':
            throw new ApiError(429, 'too_many_requests', 'Too many reset requests. Try again in 15 minutes.', undefined, 900);
          case 'network':
            throw failure();
          case 'pending':
            return never<{ message: string }>();
          default:
            return { message: RESET_SENT_MESSAGE };
        }
      });
    },
    confirmPasswordReset(confirm: { token: string; newPassword: string }) {
      return answer('confirmPasswordReset', [confirm], () => {
        const state = resetTokens[confirm.token] ?? 'invalid';
        if (state !== 'valid') throw new ApiError(400, `reset_token_${state}`, TOKEN_ERRORS.reset[state]);
        if (confirm.newPassword.length < 8) throw new ApiError(400, 'invalid_request', 'newPassword: Use at least 8 characters', 'newPassword');
        if (confirm.newPassword.length > 256) throw new ApiError(400, 'invalid_request', 'newPassword: is at most 256 characters', 'newPassword');
        resetTokens[confirm.token] = 'used';
        password = confirm.newPassword;
      });
    },
    confirmEmail(token: string) {
      return answer('confirmEmail', [token], () => {
        const state = confirmTokens[token] ?? 'invalid';
        if (state !== 'valid') throw new ApiError(400, `confirm_token_${state}`, TOKEN_ERRORS.confirm[state]);
        confirmTokens[token] = 'used';
        current = { ...current, emailConfirmed: true };
        return { email: current.email };
      });
    },
    resendEmailConfirmation(request: { confirmUrl?: string }) {
      return answer('resendEmailConfirmation', [request], () => undefined);
    },
    notifications() {
      return answer('notifications', [], () => structuredClone(notices));
    },
    updateNotifications(patch: NotificationPatch) {
      return answer('updateNotifications', [patch], () => {
        if (patch.commission !== undefined && !['immediate', 'daily', 'off'].includes(patch.commission)) {
          throw new ApiError(400, 'invalid_request', 'commission: Invalid option', 'commission');
        }
        notices = { ...notices, ...patch, available: notices.available };
        return structuredClone(notices);
      });
    },
    programs() {
      return answer('programs', [], () => options.programs ?? samplePrograms);
    },
    welcome() {
      return answer('welcome', [], () => ({
        merchantName: 'Northwind Outfitters',
        html:
          options.welcomeHtml ??
          '<h3>Welcome to the Northwind partner program!</h3><p>Share your links, earn <strong>10%</strong> on every order, and find banners under <em>Resources</em>. Questions? <a href="mailto:partners@northwind.example" rel="noopener noreferrer nofollow">Write to us</a>.</p>',
      }));
    },
    portal() {
      return answer('portal', [], () => ({
        merchantName: 'Northwind Outfitters',
        currency: 'USD',
        minimumPayout: 5000,
        menus: { welcome: true, profile: true, programs: true, commissions: true },
        ...options.portal,
      }));
    },
    ...resourceMethods(options, answer),
    ...portalMethods(options, answer),
  };
}

// ── Resources: links, banners, email copy, resource pages ──────────────────────────────

/** How a resources list answers: demo data, nothing, a failure, or never (the loading state). */
export type ResourceAnswer = 'ok' | 'empty' | 'error' | 'pending';

const BASE = 'https://partners.example.com';

export const demoLinks: PartnerLinks = {
  allowedDomains: ['shop.example.com', '*.northwind.example'],
  links: [
    { id: 1, kind: 'merchant', name: 'Home page', slug: 'home', destination: 'https://shop.example.com/', sub: null, url: `${BASE}/r/demo/home`, clicks: 1280, createdAt: '2026-01-02T10:00:00.000Z', disabled: false },
    { id: 2, kind: 'merchant', name: 'Spring sale', slug: 'spring-sale', destination: 'https://shop.example.com/sale', sub: null, url: `${BASE}/r/demo/spring-sale`, clicks: 1, createdAt: '2026-01-03T10:00:00.000Z', disabled: false },
    { id: 3, kind: 'custom', name: 'shop.example.com/boots', slug: 'k3j9x2abcd', destination: 'https://shop.example.com/boots', sub: 'newsletter', url: `${BASE}/r/demo/k3j9x2abcd?sub=newsletter`, clicks: 0, createdAt: '2026-01-10T10:00:00.000Z', disabled: false },
  ],
};

/** A stand-in banner image (an SVG data URL) of a real size. */
export const bannerImage = (width: number, height: number, label: string, color = '#1f6f5c') =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="${color}"/><text x="50%" y="50%" fill="#fff" font-family="sans-serif" font-size="${Math.round(Math.min(width, height) / 4)}" text-anchor="middle" dominant-baseline="middle">${label}</text></svg>`,
  )}`;

const banner = (id: number, name: string, width: number, height: number, alt: string, slug: string): PartnerBanner => {
  const imageUrl = bannerImage(width, height, `${width}×${height}`);
  const linkUrl = `${BASE}/r/demo/${slug}`;
  return { id, name, imageUrl, width, height, alt, linkUrl, html: `<a href="${linkUrl}" rel="sponsored"><img src="${imageUrl}" width="${width}" height="${height}" alt="${alt}"></a>` };
};

export const demoBanners: PartnerBanner[] = [
  banner(1, 'Spring sale leaderboard', 728, 90, 'Spring sale: 20% off boots', 'spring-sale'),
  banner(2, 'Boots rectangle', 300, 250, 'Northwind boots for every trail', 'home'),
  banner(3, 'Second rectangle', 300, 250, 'Waterproof jackets', 'home'),
  banner(4, 'Skyscraper', 160, 600, 'Shop Northwind Outfitters', 'home'),
];

export const demoEmails: PartnerEmail[] = [
  {
    id: 1,
    name: 'Spring sale announcement',
    subject: 'Dana Demo recommends: 20% off at Northwind',
    body: `Hi there,\n\nNorthwind Outfitters has 20% off all boots this month.\n\nShop here: ${BASE}/r/demo/spring-sale\n\nHappy trails,\nDana Demo`,
    linkUrl: `${BASE}/r/demo/spring-sale`,
  },
  { id: 2, name: 'Short intro', subject: 'Gear I trust', body: `I buy all my outdoor gear at Northwind: ${BASE}/r/demo/home`, linkUrl: `${BASE}/r/demo/home` },
];

export const demoPages: ResourcePage[] = [
  { id: 1, title: 'Getting started', slug: 'getting-started', html: '<h4>Welcome</h4>\n<p>Share your links and earn <strong>10%</strong> on every sale.</p>\n<ul>\n<li>Copy a link</li>\n<li>Post it</li>\n</ul>' },
  { id: 2, title: 'Brand guidelines', slug: 'brand-guidelines', html: '<p>Use our name as <em>Northwind Outfitters</em>. See <a href="https://shop.example.com/brand" rel="noopener noreferrer nofollow">the brand kit</a>.</p>' },
  { id: 3, title: 'FAQ', slug: 'faq', html: '<h4>When am I paid?</h4>\n<p>Monthly, once your balance reaches $50.</p>' },
];

/** A tiny stand-in QR image. */
const QR = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3 3"><path d="M0 0h1v1H0zM2 0h1v1H2zM1 1h1v1H1zM0 2h1v1H0z"/></svg>')}`;

const failure = () => new ApiError(0, 'network_error', 'The partner server could not be reached. Check your connection and try again.');

type Answer = <T>(method: string, args: unknown[], produce: () => T | Promise<T>) => Promise<T>;

function list<T>(state: ResourceAnswer | undefined, data: T[]): T[] | Promise<T[]> {
  if (state === 'error') throw failure();
  if (state === 'pending') return never<T[]>();
  return state === 'empty' ? [] : structuredClone(data);
}

function resourceMethods(options: FakeApiOptions, answer: Answer) {
  let created = 0;
  return {
    links(_o?: RequestOptions) {
      return answer<PartnerLinks>('links', [], async () => {
        const data = storedLinks(options);
        const links = await list(options.links, data.links);
        return { allowedDomains: [...data.allowedDomains], links };
      });
    },
    createLink(link: NewDeepLink, _o?: RequestOptions) {
      return answer<PartnerLink>('createLink', [link], () => {
        switch (options.createLink ?? 'ok') {
          case 'not-allowed':
            throw new ApiError(422, 'destination_not_allowed', "Links may only point to the merchant's own sites (shop.example.com); that host is not one of them", 'destination');
          case 'error':
            throw failure();
          case 'pending':
            return never<PartnerLink>();
          default: {
            const slug = `new${++created}abcdef`;
            const url = `${BASE}/r/demo/${slug}${link.sub ? `?sub=${encodeURIComponent(link.sub)}` : ''}`;
            const name = link.name?.trim() || new URL(link.destination).host + new URL(link.destination).pathname.replace(/\/$/, '');
            return { id: 100 + created, kind: 'custom', name, slug, destination: link.destination, sub: link.sub ?? null, url, clicks: 0, createdAt: new Date().toISOString(), disabled: false };
          }
        }
      });
    },
    banners(_o?: RequestOptions) {
      return answer<PartnerBanner[]>('banners', [], () => list(options.banners, options.bannersData ?? demoBanners));
    },
    emailCopy(_o?: RequestOptions) {
      return answer<PartnerEmail[]>('emailCopy', [], () => list(options.emailCopy, options.emailsData ?? demoEmails));
    },
    resources(_o?: RequestOptions) {
      return answer<ResourcePage[]>('resources', [], () => list(options.resources, options.pagesData ?? demoPages));
    },
    qrCodeUrl(url: string, format: 'svg' | 'png', o: { download?: boolean } = {}) {
      return `${QR}#${format}${o.download ? '-download' : ''}-${encodeURIComponent(url)}`;
    },
    ...fakeReports(options, answer),
  };
}

// ── reports: <partner-ledger>, <partner-reports> ───────────────────────────────────────────

const inRange = (date: string, q: { from?: string; to?: string }) => {
  const at = Date.parse(date);
  return (!q.from || at >= Date.parse(q.from)) && (!q.to || at <= Date.parse(q.to));
};

function pageOf<T extends { date: string }>(items: T[], q: PageQuery) {
  const within = items.filter((i) => inRange(i.date, q));
  const start = q.cursor ? Number(q.cursor.replace('fake:', '')) : 0;
  const limit = q.limit ?? 50;
  return { within, items: within.slice(start, start + limit), nextCursor: start + limit < within.length ? `fake:${start + limit}` : null };
}

const emptyStats = (currency: string): LinkStats => ({
  ...sampleLinkStats(0),
  currency,
  bySub: [],
  byLink: [],
});

function fakeReports(options: FakeApiOptions, answer: Answer) {
  const currency = options.currency ?? 'USD';
  const ledger = options.ledger ?? [];
  const fail = <T>(q?: { cursor?: string }) => {
    const mode = options.moreFails ? (q?.cursor ? 'error' : 'ok') : (options.reports ?? 'ok');
    switch (mode) {
      case 'error':
        throw new ApiError(500, 'internal_error', 'Something went wrong on the server');
      case 'network':
        throw new ApiError(0, 'network_error', 'The partner server could not be reached. Check your connection and try again.');
      case 'expired':
        (options.session ?? sessionStore()).end('expired');
        throw new ApiError(401, 'session_expired', 'Your session has ended. Please sign in again.');
      case 'pending':
        return never<T>();
      default:
        return undefined;
    }
  };
  const reply = <T>(method: string, args: unknown[], q: { cursor?: string } | undefined, produce: () => T) =>
    answer<T>(method, args, () => fail<T>(q) ?? produce());
  return {
    ledger(q: PageQuery) {
      return reply('ledger', [q], q, () => ledgerPageOf(ledger, q, currency));
    },
    balance() {
      return reply('balance', [], undefined, () => ({ ...sampleBalance(ledger), currency, ...options.balance }));
    },
    commissionReport(q: PageQuery) {
      return reply('commissionReport', [q], q, () => {
        const page = pageOf(options.commissions ?? [], q);
        return { ...commissionReportOf(page.within, currency), items: page.items, nextCursor: page.nextCursor };
      });
    },
    leadReport(q: PageQuery) {
      return reply('leadReport', [q], q, () => {
        const page = pageOf(options.leads ?? [], q);
        const customers = page.within.filter((l) => l.status === 'customer').length;
        return { privacy: options.leadPrivacy ?? 'masked', totals: { leads: page.within.length, customers }, items: page.items, nextCursor: page.nextCursor };
      });
    },
    salesReport(q: PageQuery) {
      return reply('salesReport', [q], q, () => {
        const page = pageOf(options.sales ?? [], q);
        const sum = (k: 'amount' | 'refunded' | 'commission') => page.within.reduce((s, x) => s + x[k], 0);
        return {
          currency,
          totals: { count: page.within.length, amount: sum('amount'), refunded: sum('refunded'), commission: sum('commission') },
          items: page.items,
          nextCursor: page.nextCursor,
        };
      });
    },
    linkStats(q: { from?: string; to?: string; timeZone?: string }) {
      return reply('linkStats', [q], undefined, () => {
        const stats = options.linkStats ?? emptyStats(currency);
        return { ...stats, byDay: stats.byDay.filter((d) => inRange(`${d.date}T12:00:00Z`, q)) };
      });
    },
    downloadCsv(report: ReportName, q: { from?: string; to?: string }) {
      return answer('downloadCsv', [report, q], () => {
        if (options.csv === 'error') throw new ApiError(500, 'internal_error', 'Something went wrong on the server');
        const rows = report === 'ledger' ? ledger.filter((e) => inRange(e.date, q)).map((e) => `${e.date},${e.type},${e.amount},${e.balance}`) : [];
        const span = q.from || q.to ? `${(q.from ?? 'start').slice(0, 10)}-to-${(q.to ?? 'now').slice(0, 10)}` : 'all-time';
        return { blob: new Blob([['Date,Type,Amount,Balance', ...rows].join('\r\n')], { type: 'text/csv' }), filename: `${report}-${span}.csv` };
      });
    },
  };
}

/** A session of its own (in memory), signed in as the fake partner unless `signedIn` is false. */
export function fakeSession(signedIn = true, partner: Partner = demoPartner): SessionStore {
  const store = new SessionStore(null);
  if (signedIn) store.start({ token: 'pc_fake-token', expiresAt: new Date(Date.now() + 8 * 3_600_000).toISOString(), partner });
  return store;
}

/** Starts a page session for the fake partner (stories and tests of signed-in states). */
export function signInFake(partner: Partner = demoPartner) {
  sessionStore().start({ token: 'pc_fake-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner });
}

export function signOutFake() {
  sessionStore().end();
}

// ── overview, payouts, recruiting (issue 14) ─────────────────────────────────────────────

/** The Monday `weeksAgo` weeks before this week's, as YYYY-MM-DD (UTC). */
function mondayOf(weeksAgo: number, now = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) - 7 * weeksAgo);
  return day.toISOString().slice(0, 10);
}

/** A partner with nothing yet: no clicks, no ledger, twelve empty weeks. */
export function emptyOverview(currency = 'USD'): Overview {
  return {
    currency,
    timeZone: 'UTC',
    earnedThisMonth: 0,
    earnedLastMonth: 0,
    payableNow: 0,
    pending: 0,
    balance: 0,
    nextRelease: null,
    nextPayout: { schedule: { kind: 'monthly', day: 1 }, date: mondayOf(-1), estimatedAmount: 0, minimumPayout: 5000, meetsMinimum: false, payoutDetailsMissing: true },
    openRequest: null,
    mainLink: { id: 1, name: 'Northwind store', url: `${BASE}/r/demo/shop` },
    weeks: Array.from({ length: 12 }, (_, i) => ({ weekStart: mondayOf(11 - i), clicks: 0, sales: 0, earned: 0 })),
    recent: [],
    hasActivity: false,
  };
}

/** What `updateLink` changed, per fake API: `links()` lists the links with these changes, as the server would. */
const linkPatches = new WeakMap<FakeApiOptions, Map<number, Pick<PartnerLink, 'name' | 'disabled'>>>();
function storedLinks(options: FakeApiOptions): PartnerLinks {
  const data = options.linksData ?? demoLinks;
  const patches = linkPatches.get(options);
  if (!patches?.size) return data;
  const links = data.links.map((l) => ({ ...l, ...patches.get(l.id) }));
  // like the server: merchant links, then the partner's active links, then the disabled ones
  const rank = (l: PartnerLink) => (l.kind === 'merchant' ? 0 : l.disabled ? 2 : 1);
  return { ...data, links: links.map((l, i) => [l, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([l]) => l) };
}

/** The link statistics of {@link demoLinks} for a period: what each link card shows (joined by slug). */
export function sampleLinkFigures(currency = 'USD'): LinkStats {
  const row = (clicks: number, sales: number, earnings: number) => ({
    clicks,
    leads: Math.round(sales * 1.5),
    sales,
    salesAmount: sales * 8_900,
    earnings,
    conversionRate: clicks ? Math.round((sales / clicks) * 10_000) : null,
    earningsPerClick: clicks ? Math.round(earnings / clicks) : null,
  });
  const byLink = [
    { link: { slug: 'home', name: 'Home page' }, ...row(412, 13, 11_570) },
    { link: { slug: 'k3j9x2abcd', name: 'shop.example.com/boots' }, ...row(57, 4, 3_560) },
    { link: { slug: 'spring-sale', name: 'Spring sale' }, ...row(1, 0, 0) },
  ];
  const sum = (k: 'clicks' | 'sales' | 'earnings') => byLink.reduce((t, r) => t + r[k], 0);
  return { ...sampleLinkStats(0), currency, byLink, bySub: [], totals: row(sum('clicks'), sum('sales'), sum('earnings')) };
}

/** A partner who brought in three others, one of them with no sales yet (a program pays 10 % on the second tier). */
export function sampleRecruits(currency = 'USD'): RecruitsAnswer {
  const recruits = [
    { name: 'Robin Reyes', joinedAt: '2026-02-14T09:30:00.000Z', earned: 12_450 },
    { name: 'Sam Okafor', joinedAt: '2026-03-02T16:05:00.000Z', earned: 3_120 },
    { name: 'Kim Nguyen', joinedAt: '2026-04-20T11:00:00.000Z', earned: 0 },
  ];
  return {
    enabled: true,
    currency,
    referralCode: demoPartner.code,
    rates: [
      { programName: 'Northwind Outfitters', rate: { type: 'percent', value: 1000 } },
      { programName: 'Gold partners', rate: { type: 'flat', value: 500 } },
    ],
    recruits,
    earnedTotal: recruits.reduce((sum, r) => sum + r.earned, 0),
  };
}

function portalMethods(options: FakeApiOptions, answer: Answer) {
  const currency = options.currency ?? 'USD';
  let payouts: PayoutsAnswer = structuredClone(
    options.payoutsData ?? { currency, schedule: { kind: 'monthly', day: 1 }, minimumPayout: 5000, payableNow: 0, canRequest: false, cannotRequestReason: 'Payouts are made monthly, on day 1.', requests: [], payouts: [] },
  );
  let requested = 0;
  return {
    overview(query: { timeZone?: string }, _o?: RequestOptions) {
      return answer<Overview>('overview', [query], () => structuredClone(options.overview ?? emptyOverview(currency)));
    },
    payouts(_o?: RequestOptions) {
      return answer<PayoutsAnswer>('payouts', [], () => structuredClone(payouts));
    },
    requestPayout(_o?: RequestOptions) {
      return answer<PayoutRequest>('requestPayout', [], () => {
        if (!payouts.canRequest) throw new ApiError(409, 'payout_request_not_allowed', payouts.cannotRequestReason ?? 'A payout cannot be requested now');
        const request: PayoutRequest = { id: 900 + ++requested, amount: payouts.payableNow, currency: payouts.currency, status: 'open', requestedAt: new Date().toISOString(), decidedAt: null, note: null, paymentId: null };
        payouts = { ...payouts, canRequest: false, cannotRequestReason: 'You have already asked for a payout; the merchant will pay it soon.', requests: [request, ...payouts.requests] };
        return structuredClone(request);
      });
    },
    cancelPayoutRequest(id: number, _o?: RequestOptions) {
      return answer<PayoutRequest>('cancelPayoutRequest', [id], () => {
        const request = payouts.requests.find((r) => r.id === id && r.status === 'open');
        if (!request) throw new ApiError(404, 'not_found', `No open payout request ${id}`);
        const cancelled: PayoutRequest = { ...request, status: 'cancelled', decidedAt: new Date().toISOString() };
        payouts = { ...payouts, canRequest: true, cannotRequestReason: null, requests: payouts.requests.map((r) => (r.id === id ? cancelled : r)) };
        return structuredClone(cancelled);
      });
    },
    recruits(_o?: RequestOptions) {
      return answer<RecruitsAnswer>('recruits', [], () =>
        structuredClone(options.recruitsData ?? { enabled: false, currency, referralCode: demoPartner.code, rates: [], recruits: [], earnedTotal: 0 }),
      );
    },
    updateLink(id: number, patch: LinkPatch, _o?: RequestOptions) {
      return answer<PartnerLink>('updateLink', [id, patch], () => {
        const link = storedLinks(options).links.find((l) => l.id === id);
        if (!link || link.kind !== 'custom') throw new ApiError(404, 'not_found', `You have no custom link ${id}`);
        const name = patch.name?.trim();
        if (patch.name !== undefined && !name) throw new ApiError(400, 'invalid_request', 'name: Enter a name for the link', 'name');
        if (name && name.length > 120) throw new ApiError(400, 'invalid_request', 'name: is at most 120 characters', 'name');
        const changed = { name: name || link.name, disabled: patch.disabled ?? link.disabled };
        if (!linkPatches.has(options)) linkPatches.set(options, new Map());
        linkPatches.get(options)!.set(id, changed);
        return { ...structuredClone(link), ...changed };
      });
    },
  };
}

// ── overview and payouts scenarios (H2: stories and tests of <partner-overview>, <partner-payouts>) ──

/** A day `days` from today as YYYY-MM-DD (UTC), and an instant `days` from now. */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const instantFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** An active partner: earnings up on last month, money payable and on hold, twelve weeks of clicks and sales. */
export function sampleOverview(currency = 'USD', overrides: Partial<Overview> = {}): Overview {
  const clicks = [42, 38, 51, 60, 47, 72, 80, 65, 90, 104, 88, 36];
  const sales = [1, 0, 2, 3, 1, 4, 3, 2, 5, 6, 4, 1];
  return {
    ...emptyOverview(currency),
    earnedThisMonth: 48_250,
    earnedLastMonth: 39_900,
    payableNow: 61_540,
    pending: 12_480,
    balance: 74_020,
    nextRelease: { at: instantFromNow(6), amount: 4_980 },
    nextPayout: { schedule: { kind: 'monthly', day: 1 }, date: dayFromNow(12), estimatedAmount: 66_520, minimumPayout: 5_000, meetsMinimum: true, payoutDetailsMissing: false },
    weeks: emptyOverview(currency).weeks.map((w, i) => ({ ...w, clicks: clicks[i]!, sales: sales[i]!, earned: sales[i]! * 2_450 })),
    recent: [
      { id: 58, at: instantFromNow(-1), type: 'commission', description: 'Order #10482: Trail tent 2P', amount: 4_980 },
      { id: 57, at: instantFromNow(-3), type: 'commission', description: 'Order #10471: Hiking boots', amount: 2_450 },
      { id: 56, at: instantFromNow(-4), type: 'clawback', description: 'Refund of order #10422', amount: -1_200 },
      { id: 55, at: instantFromNow(-9), type: 'payment', description: 'Payout by bank transfer', amount: -52_000 },
      { id: 54, at: instantFromNow(-11), type: 'commission', description: 'Order #10401: Rain jacket', amount: 3_150 },
    ],
    hasActivity: true,
    ...overrides,
  };
}

/** A paid payout of the sample history. */
const payout = (id: number, daysAgo: number, amount: number, method: string | null, reference: string | null) => ({
  id,
  at: instantFromNow(-daysAgo),
  amount,
  currency: 'USD',
  method,
  reference,
});

/**
 * The payouts answer in each state the partner can meet: `monthly` (the merchant pays on day
 * 1), and with the schedule "on request": `can-request`, `open` (a request waits), `declined`
 * (the last one was declined with a note), `below-minimum`, `details-missing`.
 */
export function samplePayouts(state: 'monthly' | 'can-request' | 'open' | 'declined' | 'below-minimum' | 'details-missing' | 'none' = 'can-request'): PayoutsAnswer {
  const history = [payout(41, 30, 52_000, 'Bank transfer', 'NW-2026-0117'), payout(33, 61, 48_350, 'PayPal', null), payout(27, 92, 6_100, null, null)];
  const paidRequest: PayoutRequest = { id: 12, amount: 52_000, currency: 'USD', status: 'paid', requestedAt: instantFromNow(-33), decidedAt: instantFromNow(-30), note: null, paymentId: 41 };
  const cancelled: PayoutRequest = { id: 9, amount: 20_000, currency: 'USD', status: 'cancelled', requestedAt: instantFromNow(-70), decidedAt: instantFromNow(-69), note: null, paymentId: null };
  const base: PayoutsAnswer = { currency: 'USD', schedule: { kind: 'on-request' }, minimumPayout: 5_000, payableNow: 61_540, canRequest: true, cannotRequestReason: null, requests: [paidRequest, cancelled], payouts: history };
  switch (state) {
    case 'monthly':
      return { ...base, schedule: { kind: 'monthly', day: 1 }, canRequest: false, cannotRequestReason: 'Payouts are made monthly, on day 1.', requests: [] };
    case 'open':
      return {
        ...base,
        canRequest: false,
        cannotRequestReason: 'You have already asked for a payout; the merchant will pay it soon.',
        requests: [{ id: 14, amount: 61_540, currency: 'USD', status: 'open', requestedAt: instantFromNow(-2), decidedAt: null, note: null, paymentId: null }, paidRequest, cancelled],
      };
    case 'declined':
      return {
        ...base,
        requests: [
          { id: 13, amount: 61_540, currency: 'USD', status: 'declined', requestedAt: instantFromNow(-5), decidedAt: instantFromNow(-4), note: 'Two orders are still in their return window; ask again next week.', paymentId: null },
          paidRequest,
          cancelled,
        ],
      };
    case 'below-minimum':
      return { ...base, payableNow: 3_200, canRequest: false, cannotRequestReason: 'You can ask for a payout once $50.00 is payable; $32.00 is payable now.' };
    case 'details-missing':
      return { ...base, canRequest: false, cannotRequestReason: 'Add your payout details to your profile before asking for a payout.' };
    case 'none':
      return { ...base, payableNow: 0, canRequest: false, cannotRequestReason: 'You can ask for a payout once $50.00 is payable; $0.00 is payable now.', requests: [], payouts: [] };
    default:
      return base;
  }
}
