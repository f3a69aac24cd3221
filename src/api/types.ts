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

// ── Account: password reset, email confirmation, notification choices (issue 12) ──────────
// Written here, as the mail contract says, until the server's schemas export them (then: import type).

/**
 * `GET /api/v1/me`: the partner, whether their email address is confirmed (absent on older
 * servers: confirmed), and their coupon codes (issue 13; absent on older servers: none).
 */
export type Me = Partner & { emailConfirmed?: boolean; coupons?: string[] };

/** `POST /api/v1/auth/password-reset`: a partner code or email, and the page the emailed link opens (`?pc_reset=<token>`). */
export interface PasswordResetRequest {
  login: string;
  resetUrl?: string;
}

export interface PasswordResetConfirm {
  token: string;
  newPassword: string;
}

/** How a partner hears of new commissions: at once, in a daily digest, or not. */
export type CommissionNotice = 'immediate' | 'daily' | 'off';

/** `GET /api/v1/me/notifications`: the partner's choices, and which kinds the merchant sends at all. */
export interface NotificationPreferences {
  commission: CommissionNotice;
  payment: boolean;
  statement: boolean;
  available: { commission: boolean; payment: boolean; statement: boolean };
}

export type NotificationPatch = Partial<Omit<NotificationPreferences, 'available'>>;

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
  me(options?: RequestOptions): Promise<Me>;
  /** Emails a reset link if an account matches; answers the same words either way. */
  requestPasswordReset(request: PasswordResetRequest, options?: RequestOptions): Promise<{ message: string }>;
  /** Sets a new password with the emailed token; every session of the partner ends. */
  confirmPasswordReset(confirm: PasswordResetConfirm, options?: RequestOptions): Promise<void>;
  /** Confirms an email address with the emailed token (`?pc_confirm=`): the address confirmed. */
  confirmEmail(token: string, options?: RequestOptions): Promise<{ email: string }>;
  /** Sends the signed-in partner's confirmation email again; the link opens `confirmUrl`. */
  resendEmailConfirmation(request: { confirmUrl?: string }, options?: RequestOptions): Promise<void>;
  notifications(options?: RequestOptions): Promise<NotificationPreferences>;
  updateNotifications(patch: NotificationPatch, options?: RequestOptions): Promise<NotificationPreferences>;

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
