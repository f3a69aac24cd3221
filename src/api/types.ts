/**
 * The shapes the partner API answers with (see /api/v1/openapi.json). Each is written once, as
 * the server's zod schema; these are type-only imports, so nothing of the server or of zod
 * reaches the bundle.
 */
import type { LoginResult, Partner, ProfilePatch, SignupRequest, SignupResult } from '../../server/partners/schemas.js';
import type { PartnerProgram, Portal, Welcome } from '../../server/catalog/schemas.js';
import type { NewDeepLink, PartnerBanner, PartnerEmail, PartnerLink, PartnerLinks, ResourcePage } from '../../server/resources/schemas.js';

export type { LoginResult, Partner, ProfilePatch, SignupRequest, SignupResult, PartnerProgram, Portal, Welcome };
export type { PayoutMethod } from '../../server/money/schemas.js';
export type { Rate } from '../../server/catalog/schemas.js';

export interface Credentials {
  code: string;
  password: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

// ── Resources: links, banners, email copy, resource pages ──────────────────────────────

export type { NewDeepLink, PartnerBanner, PartnerEmail, PartnerLink, PartnerLinks, ResourcePage };

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
  welcome(options?: RequestOptions): Promise<Welcome>;
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
 * The money words (one meaning each, as the server's money-terms.ts defines them). All money is
 * integer minor units (cents) of `currency`. In a period: `earned` (commissions recorded,
 * before clawbacks), `clawedBack` (what refunds and reversals took back), `paid` (payments,
 * net of reversed ones). Now, whatever the period: `pending` (commissions still on hold, net
 * of their clawbacks), `payableNow` (balance − pending), `balance` (the sum of the ledger).
 */
export interface PeriodMoney {
  earned: number;
  clawedBack: number;
  paid: number;
}

export interface MoneyNow {
  pending: number;
  payableNow: number;
  balance: number;
}

export interface LedgerSummary extends PeriodMoney {
  beginningBalance: number;
  adjustments: number;
  /** beginning + earned − clawedBack − paid + adjustments; for all time, the balance */
  endingBalance: number;
  currency: string;
}

export type LedgerEntryType = 'commission' | 'clawback' | 'payment' | 'adjustment';

export interface LedgerEntry {
  id: number;
  date: string;
  type: LedgerEntryType;
  description: string;
  /** Signed effect on the balance. */
  amount: number;
  /** Running balance after the entry. */
  balance: number;
}

export interface LedgerPage {
  summary: LedgerSummary;
  entries: LedgerEntry[];
  nextCursor: string | null;
}

export interface Balance extends MoneyNow {
  currency: string;
  nextPayableAt: string | null;
  minimumPayout: number;
  payoutReady: boolean;
}

export type CommissionStatus = 'pending' | 'approved' | 'paid' | 'clawed_back';
export type Attribution = 'last_click' | 'first_click' | 'partner_code' | 'lead_email';

export interface Commission {
  id: number;
  date: string;
  kind: 'sale' | 'lead';
  order: string | null;
  saleAmount: number | null;
  baseAmount: number;
  /** percent: basis points (1000 = 10 %); flat: minor units */
  rate: { type: 'percent' | 'flat'; value: number };
  amount: number;
  clawedBack: number;
  status: CommissionStatus;
  tier: 'direct' | 'second';
  payableAt: string;
  why: {
    attribution: Attribution | null;
    link: { slug: string; name: string | null } | null;
    sub: string | null;
    clickAt: string | null;
    program: { id: number | null; name: string | null };
    childCode: string | null;
  };
  clawback: { amount: number; date: string; reason: string } | null;
}

export interface CommissionReport {
  currency: string;
  totals: PeriodMoney & MoneyNow & { count: number; currency: string };
  items: Commission[];
  nextCursor: string | null;
}

export interface Lead {
  id: number;
  date: string;
  /** Masked (j•••@example.com) unless the merchant shows leads in full. */
  lead: string;
  name: string | null;
  status: 'lead' | 'customer';
  link: { slug: string; name: string } | null;
  sub: string | null;
}

export interface LeadReport {
  privacy: 'masked' | 'full';
  totals: { leads: number; customers: number };
  items: Lead[];
  nextCursor: string | null;
}

export interface Sale {
  id: number;
  date: string;
  order: string;
  amount: number;
  currency: string;
  refunded: number;
  status: 'completed' | 'partially_refunded' | 'refunded';
  selfReferral: boolean;
  items: { product: string; quantity: number; amount: number }[];
  /** Direct commission on the sale, after clawbacks. */
  commission: number;
  /** When `commission` is 0, why (a code the element puts in words); null when the sale earns. */
  noCommissionReason: NoCommissionReason | null;
}

export type NoCommissionReason =
  | 'self_referral'
  | 'no_program'
  | 'link_programs'
  | 'outside_window'
  | 'product_not_covered'
  | 'product_excluded'
  | 'recurring_ended'
  | 'zero_amount'
  | 'clawed_back';

export interface SalesReport {
  currency: string;
  totals: { count: number; amount: number; refunded: number; commission: number };
  items: Sale[];
  nextCursor: string | null;
}

export interface LinkCounts {
  clicks: number;
  leads: number;
  sales: number;
  salesAmount: number;
  earnings: number;
}

export interface LinkRates {
  /** Sales per click in basis points; null without clicks. */
  conversionRate: number | null;
  /** Minor units; null without clicks. */
  earningsPerClick: number | null;
}

export interface LinkStats {
  currency: string;
  timeZone: string;
  totals: LinkCounts & LinkRates;
  byDay: (LinkCounts & { date: string })[];
  bySub: (LinkCounts & LinkRates & { sub: string | null })[];
  byLink: (LinkCounts & LinkRates & { link: { slug: string; name: string } | null })[];
}

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
