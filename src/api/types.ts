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
import type { Rate } from '../../server/catalog/schemas.js';
import type { LedgerEntryType } from '../../server/money/reports/schemas.js';

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

// ── Overview, payouts, recruiting (issue 14) ─────────────────────────────────────────────
// Written here first as the contract; the server's zod schemas must fit them (a compile-time check).

/** When the merchant pays: monthly on a day of the month (1–28), or when a partner asks. */
export type PayoutSchedule = { kind: 'monthly'; day: number } | { kind: 'on-request' };

/** A partner's request to be paid (schedule "on request"). */
export interface PayoutRequest {
  id: number;
  /** What was payable when the partner asked (cents). */
  amount: number;
  currency: string;
  /** open: waiting for the merchant; paid: a payment settled it; declined: the merchant said no (see `note`); cancelled: the partner withdrew it. */
  status: 'open' | 'paid' | 'declined' | 'cancelled';
  requestedAt: string;
  decidedAt: string | null;
  /** The merchant's reason when declined. */
  note: string | null;
  /** The payment that settled it. */
  paymentId: number | null;
}

/** A payment made to the partner (the payout history). */
export interface Payout {
  id: number;
  at: string;
  amount: number;
  currency: string;
  method: string | null;
  reference: string | null;
}

/** One week of the overview's chart (weeks start on Monday in the asked time zone). */
export interface OverviewWeek {
  /** YYYY-MM-DD, the Monday. */
  weekStart: string;
  clicks: number;
  sales: number;
  /** `earned` in the week (commissions recorded, before clawbacks). */
  earned: number;
}

/** One line of recent activity: a ledger entry. */
export interface OverviewActivity {
  id: number;
  at: string;
  type: LedgerEntryType;
  description: string;
  /** Signed cents, as on the ledger. */
  amount: number;
}

/** The next payout as the merchant's schedule has it. */
export interface NextPayout {
  schedule: PayoutSchedule;
  /** YYYY-MM-DD of the next scheduled payout; null when paid on request. */
  date: string | null;
  /** What that payout would be: payable now plus what becomes payable by `date` (cents). */
  estimatedAmount: number;
  minimumPayout: number;
  /** Whether `estimatedAmount` reaches the minimum. */
  meetsMinimum: boolean;
  /** The partner has not filled in how to be paid yet. */
  payoutDetailsMissing: boolean;
}

/** `GET /api/v1/partner/overview?timeZone=`: everything the overview shows, in one answer. */
export interface Overview {
  currency: string;
  timeZone: string;
  /** `earned` in this calendar month so far and in the last one (in `timeZone`). */
  earnedThisMonth: number;
  earnedLastMonth: number;
  /** The money words of now (money-terms.ts). `pending` is what is on hold. */
  payableNow: number;
  pending: number;
  balance: number;
  /** When the next held commission becomes payable, and how much then; null when nothing is on hold. */
  nextRelease: { at: string; amount: number } | null;
  nextPayout: NextPayout;
  /** The partner's open payout request, if any. */
  openRequest: PayoutRequest | null;
  /** The partner's main link (the merchant's first link they may use), null when none. */
  mainLink: { id: number; name: string; url: string } | null;
  /** Twelve weeks, oldest first; the last is the current week. */
  weeks: OverviewWeek[];
  /** The last few ledger entries, newest first. */
  recent: OverviewActivity[];
  /** Any click or ledger entry ever: false shows the getting-started list. */
  hasActivity: boolean;
}

/** `GET /api/v1/partner/payouts`: the partner's payouts and requests, and whether they may ask now. */
export interface PayoutsAnswer {
  currency: string;
  schedule: PayoutSchedule;
  minimumPayout: number;
  payableNow: number;
  /** Schedule "on request", payable now ≥ minimum, payout details filled in and no open request. */
  canRequest: boolean;
  /** When `canRequest` is false, why (a sentence for the partner); null when they can. */
  cannotRequestReason: string | null;
  /** Newest first. */
  requests: PayoutRequest[];
  /** Newest first (payments not reversed). */
  payouts: Payout[];
}

/** A partner this partner brought in (second tier). */
export interface Recruit {
  name: string;
  joinedAt: string;
  /** What this recruit's sales earned this partner: second-tier `earned`, net of clawbacks (cents). */
  earned: number;
}

/** `GET /api/v1/partner/recruits`: the recruit programme, when a program pays a second tier. */
export interface RecruitsAnswer {
  /** Some program of the partner's pays a second tier. */
  enabled: boolean;
  currency: string;
  /** The code a recruit signs up with (`?ref=<code>`). */
  referralCode: string;
  /** The second-tier rates, as the partner's programs pay them (e.g. "10% of their commissionable sales"). */
  rates: { programName: string; rate: Rate }[];
  recruits: Recruit[];
  /** Σ recruits' `earned`. */
  earnedTotal: number;
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
  /** Renames a custom link, or disables / enables it (issue 14). */
  updateLink(id: number, patch: LinkPatch, options?: RequestOptions): Promise<PartnerLink>;

  // Overview, payouts, recruiting (issue 14)
  /** Everything `<partner-overview>` shows, in one call; weeks and months counted in `timeZone`. */
  overview(query: { timeZone?: string }, options?: RequestOptions): Promise<Overview>;
  payouts(options?: RequestOptions): Promise<PayoutsAnswer>;
  /** Asks the merchant for a payout of what is payable now (schedule "on request"). */
  requestPayout(options?: RequestOptions): Promise<PayoutRequest>;
  /** Withdraws the partner's open request. */
  cancelPayoutRequest(id: number, options?: RequestOptions): Promise<PayoutRequest>;
  recruits(options?: RequestOptions): Promise<RecruitsAnswer>;
}

/** `PATCH /api/v1/partner/links/{id}` (custom links only). */
export interface LinkPatch {
  name?: string;
  disabled?: boolean;
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
