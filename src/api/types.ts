/** The shapes the partner API answers with (see /api/v1/openapi.json). */
export interface Partner {
  code: string;
  name: string;
  email: string;
  status: 'active' | 'pending' | 'disabled';
  phone?: string | null;
  company?: string | null;
  website?: string | null;
  address?: string | null;
  payoutMethod?: PayoutMethod | null;
  payoutDetails?: string | null;
  createdAt: string;
}

export type PayoutMethod = 'paypal' | 'bank_transfer' | 'check' | 'other';

/**
 * What a partner may change of their profile; null clears an optional field. Changing the email
 * or the payout details needs `currentPassword`.
 */
export type ProfilePatch = Partial<Pick<Partner, 'name' | 'email' | 'phone' | 'company' | 'website' | 'address' | 'payoutMethod' | 'payoutDetails'>> & {
  currentPassword?: string;
};

export interface Rate {
  type: 'percent' | 'flat';
  /** basis points (1000 = 10%) or cents */
  value: number;
}

export interface PartnerProgram {
  id: number;
  name: string;
  description: string;
  priority: number;
  currency: string;
  saleCommission: Rate;
  productRates: (Rate & { productId: string })[];
  /** cents per lead */
  leadCommission: number | null;
  recurring: { mode: 'every' | 'first_n' | 'none'; payments: number | null };
  secondTier: Rate | null;
  attributionWindowDays: number;
  attributionModel: 'first_click' | 'last_click';
  holdDays: number;
  enrolledAt: string;
}

export interface Portal {
  merchantName: string;
  currency: string;
  minimumPayout: number;
  menus: { welcome: boolean; profile: boolean; programs: boolean; commissions: boolean };
}

export interface LoginResult {
  token: string;
  /** ISO 8601 */
  expiresAt: string;
  partner: Partner;
  /** Kept by the browser and sent with later sign-ins (see DeviceTokens). */
  deviceToken?: string;
}

export interface SignupRequest {
  name: string;
  email: string;
  code: string;
  password: string;
  acceptTerms: true;
  referrerCode?: string;
}

export interface SignupResult {
  partner: Partner;
  status: 'active' | 'pending';
  message: string;
  /** Present when the program signs new partners in at once. */
  token?: string;
  expiresAt?: string;
  deviceToken?: string;
}

export interface Credentials {
  code: string;
  password: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

// ── Resources: links, banners, email copy, resource pages ──────────────────────────────

/** One of the partner's tracking links. */
export interface PartnerLink {
  id: number;
  /** `merchant`: set up by the merchant for every partner; `custom`: the partner's own deep link. */
  kind: 'merchant' | 'custom';
  name: string;
  slug: string;
  destination: string;
  sub: string | null;
  /** The full tracking URL, e.g. `https://partners.example.com/r/demo/home`. */
  url: string;
  /** Clicks this partner got on it. */
  clicks: number;
  createdAt: string;
}

export interface PartnerLinks {
  links: PartnerLink[];
  /** Hosts a custom deep link may point to (`*.example.com` covers subdomains). */
  allowedDomains: string[];
}

export interface NewDeepLink {
  destination: string;
  sub?: string;
}

export interface PartnerBanner {
  id: number;
  name: string;
  imageUrl: string;
  width: number;
  height: number;
  alt: string;
  /** The partner's link the banner points to. */
  linkUrl: string;
  /** The ready snippet: `<a href="…"><img …></a>`. */
  html: string;
}

export interface PartnerEmail {
  id: number;
  name: string;
  subject: string;
  /** Plain text with the partner's link and name filled in. */
  body: string;
  linkUrl: string | null;
}

export interface ResourcePage {
  id: number;
  title: string;
  slug: string;
  /** Sanitized HTML rendered by the server from the merchant's markdown. */
  html: string;
}

/**
 * Everything the elements ask of the server. `HttpPartnerApi` talks to the real one; tests and
 * stories hand elements a fake with the same shape.
 */
export interface PartnerApi extends PartnerReportsApi {
  login(credentials: Credentials, options?: RequestOptions): Promise<LoginResult>;
  logout(options?: RequestOptions): Promise<void>;
  signup(request: SignupRequest, options?: RequestOptions): Promise<SignupResult>;
  /** Trades a merchant-minted embed token for a session (once). */
  exchangeEmbedToken(embedToken: string, options?: RequestOptions): Promise<LoginResult>;
  me(options?: RequestOptions): Promise<Partner>;

  // Home: profile, programs, portal settings
  updateProfile(patch: ProfilePatch, options?: RequestOptions): Promise<Partner>;
  changePassword(change: { currentPassword: string; newPassword: string }, options?: RequestOptions): Promise<void>;
  programs(options?: RequestOptions): Promise<PartnerProgram[]>;
  portal(options?: RequestOptions): Promise<Portal>;
  /** The merchant's welcome message as sanitized HTML. */
  welcome(options?: RequestOptions): Promise<{ merchantName: string; html: string }>;
  // resources
  links(options?: RequestOptions): Promise<PartnerLinks>;
  createLink(link: NewDeepLink, options?: RequestOptions): Promise<PartnerLink>;
  banners(options?: RequestOptions): Promise<PartnerBanner[]>;
  emailCopy(options?: RequestOptions): Promise<PartnerEmail[]>;
  resources(options?: RequestOptions): Promise<ResourcePage[]>;
  /** Where the QR code image of one of the partner's link URLs is (`download`: as a file). */
  qrCodeUrl(url: string, format: 'svg' | 'png', options?: { download?: boolean }): string;
}

// ── Reports (My Ledger, commissions, leads, sales, link statistics) ──────────────────────────

/** A date range: ISO 8601 instants with offset (or bare dates), both inclusive; omitted = open. */
export interface DateRangeQuery {
  from?: string;
  to?: string;
}

export interface PageQuery extends DateRangeQuery {
  /** `nextCursor` of the previous page. */
  cursor?: string;
  limit?: number;
}

export interface LinkStatsQuery extends DateRangeQuery {
  /** IANA time zone the days are counted in. */
  timeZone?: string;
}

/**
 * The reports' answers, written once as the server's schemas (server/money/reports/schemas.ts)
 * and imported as types only: nothing of the server reaches the bundle.
 *
 * The money words (one meaning each, as the server's money-terms.ts defines them). All money is
 * integer minor units (cents) of `currency`. In a period (`PeriodMoney`): `earned` (commissions
 * recorded, before clawbacks), `clawedBack` (what refunds and reversals took back), `paid`
 * (payments, net of reversed ones). Now, whatever the period (`MoneyNow`): `pending`
 * (commissions still on hold, net of their clawbacks), `payableNow` (balance − pending),
 * `balance` (the sum of the ledger).
 */
export type {
  Attribution,
  Balance,
  Commission,
  CommissionReport,
  CommissionStatus,
  Lead,
  LeadReport,
  LedgerEntry,
  LedgerEntryType,
  LedgerPage,
  LedgerSummary,
  LinkCounts,
  LinkRates,
  LinkStats,
  MoneyNow,
  PeriodMoney,
  Sale,
  SaleNoCommissionReason as NoCommissionReason,
  SalesReport,
} from '../../server/money/reports/schemas.js';
import type { Balance, CommissionReport, LeadReport, LedgerPage, LinkStats, SalesReport } from '../../server/money/reports/schemas.js';

export type ReportName = 'ledger' | 'commissions' | 'leads' | 'sales' | 'links';

/** A downloaded CSV: the file and the name the server gave it. */
export interface CsvFile {
  blob: Blob;
  filename: string;
}

/** What the reports elements ask of the server (part of PartnerApi). */
export interface PartnerReportsApi {
  ledger(query: PageQuery, options?: RequestOptions): Promise<LedgerPage>;
  balance(options?: RequestOptions): Promise<Balance>;
  commissionReport(query: PageQuery, options?: RequestOptions): Promise<CommissionReport>;
  leadReport(query: PageQuery, options?: RequestOptions): Promise<LeadReport>;
  salesReport(query: PageQuery, options?: RequestOptions): Promise<SalesReport>;
  linkStats(query: LinkStatsQuery, options?: RequestOptions): Promise<LinkStats>;
  /** The whole range of a report as CSV, fetched with the session's token. */
  downloadCsv(report: ReportName, query: LinkStatsQuery, options?: RequestOptions): Promise<CsvFile>;
}
