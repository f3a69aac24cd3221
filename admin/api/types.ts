/**
 * The shapes the merchant console reads from the admin API. Each answer is written once, as the
 * server's zod schema; these are type-only imports, so nothing of the server or of zod reaches
 * the bundle. Only what the browser alone uses (queries, credentials, the client's interface)
 * is written here.
 */
import type { RequestOptions } from '../../src/api/types.js';
import type { MerchantLoginResult, MerchantUserView } from '../../server/merchants/schemas.js';
import type { EmbedToken, PartnerAccountDetailView, PartnerAccountView } from '../../server/partners/schemas.js';
import type { PartnerDetail, PartnerList, PartnerSort } from '../../server/partners/admin.schemas.js';
import type { ProgramView } from '../../server/catalog/schemas.js';
import type { Balance, CommissionReason, LedgerEntry, PartnerLedger } from '../../server/money/schemas.js';
import type { AdminCommission, BatchApprovalResult, CommissionList } from '../../server/money/commission.schemas.js';

export type { RequestOptions };

/** A merchant user (`GET /api/v1/admin/auth/me`). */
export type AdminUser = MerchantUserView;
export type AdminRole = AdminUser['role'];
/** `POST /api/v1/admin/auth/login` */
export type AdminLoginResult = MerchantLoginResult;

export interface AdminCredentials {
  email: string;
  password: string;
}

export type AdminBalance = Balance;
/** A partner in the list (payout details masked). */
export type PartnerAccount = PartnerAccountView;
export type PartnerStatus = PartnerAccount['status'];
/** `PATCH /api/v1/admin/partners/{code}`: payout details in full. */
export type PartnerAccountDetail = PartnerAccountDetailView;
/** `GET /api/v1/admin/partners/{code}` (and sign-up approve/reject): profile, programs, parent, children, rejection, all-time figures. */
export type { PartnerDetail };
/** `GET /api/v1/admin/partners` */
export type PartnerPage = PartnerList;
export type AdminProgram = ProgramView;
export type AdminCommissionReason = CommissionReason;
/** A commission as the merchant reads it: with `why` and `clawback`. */
export type { AdminCommission };
export type CommissionStatus = AdminCommission['status'];
/** `GET /api/v1/admin/commissions` */
export type CommissionPage = CommissionList;
/** `POST /api/v1/admin/commissions/approve` */
export type BatchApproveResult = BatchApprovalResult;
export type AdminLedgerEntry = LedgerEntry;
/** `GET /api/v1/admin/partners/{code}/ledger` */
export type { PartnerLedger };
/** `POST /api/v1/admin/embed-tokens` */
export type EmbedTokenResult = EmbedToken;

export type { PartnerSort };
export type SortOrder = 'asc' | 'desc';

export interface PartnerQuery {
  q?: string;
  status?: PartnerStatus;
  sort?: PartnerSort;
  order?: SortOrder;
  cursor?: string;
  limit?: number;
}

export interface CommissionQuery {
  partner?: string;
  status?: CommissionStatus;
  program?: number;
  /** YYYY-MM-DD */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** Everything the console's elements ask of the admin API: the HTTP client and the fake implement it. */
export interface AdminApi {
  /** The server's base URL (for "view as partner"). */
  readonly baseUrl: string;
  login(credentials: AdminCredentials, options?: RequestOptions): Promise<AdminLoginResult>;
  logout(options?: RequestOptions): Promise<void>;
  me(options?: RequestOptions): Promise<AdminUser>;

  partners(query: PartnerQuery, options?: RequestOptions): Promise<PartnerPage>;
  partner(code: string, options?: RequestOptions): Promise<PartnerDetail>;
  approvePartner(code: string, options?: RequestOptions): Promise<PartnerDetail>;
  rejectPartner(code: string, reason: string, options?: RequestOptions): Promise<PartnerDetail>;
  updatePartner(code: string, patch: { status?: PartnerStatus }, options?: RequestOptions): Promise<PartnerAccountDetail>;
  setPartnerPassword(code: string, password: string, options?: RequestOptions): Promise<void>;
  partnerLedger(code: string, options?: RequestOptions): Promise<PartnerLedger>;
  embedToken(partnerCode: string, options?: RequestOptions): Promise<EmbedTokenResult>;
  programs(options?: RequestOptions): Promise<AdminProgram[]>;
  /** The merchant's currency (every amount is in it), from the public `GET /api/v1/portal`. */
  currency(options?: RequestOptions): Promise<string>;

  commissions(query: CommissionQuery, options?: RequestOptions): Promise<CommissionPage>;
  approveCommissions(ids: number[], options?: RequestOptions): Promise<BatchApproveResult>;
  approveCommission(id: number, options?: RequestOptions): Promise<AdminCommission>;
  reverseCommission(id: number, note: string, options?: RequestOptions): Promise<AdminCommission>;
}
