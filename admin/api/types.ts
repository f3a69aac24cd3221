/**
 * The shapes the merchant console reads from the admin API — the one place they are written on
 * the browser side. Each mirrors a zod schema of the server (named beside it); the bundle's
 * TypeScript build does not reach into server/, so test/helpers/admin-types-match.ts checks
 * at `tsc` time that every one of them still equals the server's `z.infer`.
 */
import type { LedgerEntryType, MoneyNow, PayoutMethod, RequestOptions } from '../../src/api/types.js';

export type { RequestOptions };

export type AdminRole = 'owner' | 'staff';

/** A merchant user (`GET /api/v1/admin/auth/me`). */
export interface AdminUser {
  id: number;
  email: string;
  role: AdminRole;
}

/** `POST /api/v1/admin/auth/login`. */
export interface AdminLoginResult {
  token: string;
  /** ISO 8601 */
  expiresAt: string;
  user: AdminUser;
}

export interface AdminCredentials {
  email: string;
  password: string;
}

/** server: BalanceSchema */
export interface AdminBalance extends MoneyNow {
  currency: string;
}

export type PartnerStatus = 'active' | 'pending' | 'disabled';

/** server: PartnerAccountSchema (lists) */
export interface PartnerAccount {
  id: number;
  code: string;
  name: string;
  email: string;
  status: PartnerStatus;
  parentCode: string | null;
  programIds: number[];
  balance: AdminBalance;
  payoutMethod: PayoutMethod | null;
  payoutDetailsMasked: string | null;
  createdAt: string;
  updatedAt: string;
}

/** server: PartnerAccountDetailSchema (one partner: payout details in full) */
export interface PartnerAccountDetail extends PartnerAccount {
  payoutDetails: string | null;
}

export type PartnerSort = 'created' | 'name' | 'code';
export type SortOrder = 'asc' | 'desc';

export interface PartnerQuery {
  q?: string;
  status?: PartnerStatus;
  sort?: PartnerSort;
  order?: SortOrder;
  cursor?: string;
  limit?: number;
  /** children of this partner */
  parent?: string;
}

/** `GET /api/v1/admin/partners` */
export interface PartnerPage {
  partners: PartnerAccount[];
  total: number;
  /** null at the end */
  nextCursor: string | null;
}

/** server: ProgramSchema (the fields the console shows) */
export interface AdminProgram {
  id: number;
  name: string;
  status: 'active' | 'archived';
}

export type CommissionStatus = 'pending' | 'approved' | 'paid' | 'clawed_back';

/** server: CommissionReasonSchema */
export interface AdminCommissionReason {
  attribution: 'last_click' | 'first_click' | 'partner_code' | 'lead_email';
  linkSlug: string | null;
  linkName: string | null;
  clickAt: string | null;
  sub: string | null;
  programId: number;
  programName: string;
  rateType: 'percent' | 'flat';
  rateValue: number;
  tier: 'direct' | 'second';
  childCode?: string;
  orderId?: string;
  leadEmail?: string;
  productIds?: string[];
  quantity?: number;
  rateSource?: 'override' | 'default' | 'lead';
  subscriptionId?: string;
  payment?: number;
  selfReferral?: boolean;
}

/** server: CommissionSchema */
export interface AdminCommission {
  id: number;
  partnerCode: string;
  kind: 'sale' | 'lead';
  tier: 'direct' | 'second';
  programId: number | null;
  programName: string | null;
  orderId: string | null;
  baseAmount: number;
  rateType: 'percent' | 'flat';
  rateValue: number;
  amount: number;
  clawedBack: number;
  status: CommissionStatus;
  payableAt: string;
  approvedAt: string | null;
  createdAt: string;
  reason: AdminCommissionReason;
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

/** `GET /api/v1/admin/commissions` */
export interface CommissionPage {
  commissions: AdminCommission[];
  nextCursor: string | null;
}

/** `POST /api/v1/admin/commissions/approve` */
export interface BatchApproveResult {
  approved: number[];
  skipped: { id: number; reason: string }[];
}

/** server: LedgerEntrySchema (a partner's ledger row as the merchant reads it) */
export interface AdminLedgerEntry {
  id: number;
  at: string;
  type: LedgerEntryType;
  amount: number;
  balance: number;
  currency: string;
  description: string;
  commissionId: number | null;
  paymentId: number | null;
  reversesId: number | null;
}

/** `GET /api/v1/admin/partners/{code}/ledger` */
export interface PartnerLedger {
  balance: AdminBalance;
  entries: AdminLedgerEntry[];
  nextCursor?: string | null;
}

/** `POST /api/v1/admin/embed-tokens` */
export interface EmbedTokenResult {
  embedToken: string;
  expiresAt: string;
}

/** Everything the console's elements ask of the admin API: the HTTP client and the fake implement it. */
export interface AdminApi extends AdminResourcesApi {
  /** The server's base URL (for "view as partner"). */
  readonly baseUrl: string;
  login(credentials: AdminCredentials, options?: RequestOptions): Promise<AdminLoginResult>;
  logout(options?: RequestOptions): Promise<void>;
  me(options?: RequestOptions): Promise<AdminUser>;

  partners(query: PartnerQuery, options?: RequestOptions): Promise<PartnerPage>;
  partner(code: string, options?: RequestOptions): Promise<PartnerAccountDetail>;
  approvePartner(code: string, options?: RequestOptions): Promise<PartnerAccountDetail>;
  rejectPartner(code: string, reason: string, options?: RequestOptions): Promise<PartnerAccountDetail>;
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

// ── promotional material (links, banners, email copy, resource pages, uploads) ──────────────

/** server: LinkView (server/catalog/links.ts) */
export interface AdminLink {
  id: number;
  slug: string;
  name: string;
  destination: string;
  status: 'active' | 'disabled';
  partnerCode: string | null;
  sub: string | null;
  programIds: number[];
  url: string;
  createdAt: string;
  updatedAt: string;
}

/** server: BannerView (server/resources/banners.ts) */
export interface AdminBanner {
  id: number;
  name: string;
  imageUrl: string | null;
  uploadId: number | null;
  imageSrc: string;
  width: number;
  height: number;
  alt: string;
  linkId: number;
  linkSlug: string;
  sortOrder: number;
  status: 'active' | 'archived';
  programIds: number[];
  createdAt: string;
  updatedAt: string;
}

/** server: EmailView (server/resources/email-copy.ts) */
export interface AdminEmailCopy {
  id: number;
  name: string;
  subject: string;
  body: string;
  linkId: number | null;
  linkSlug: string | null;
  sortOrder: number;
  status: 'active' | 'archived';
  programIds: number[];
  createdAt: string;
  updatedAt: string;
}

/** server: PageView (server/resources/resource-pages.ts); `body` is markdown */
export interface AdminResourcePage {
  id: number;
  title: string;
  slug: string;
  body: string;
  sortOrder: number;
  status: 'active' | 'archived';
  programIds: number[];
  createdAt: string;
  updatedAt: string;
}

/** server: UploadView (server/resources/uploads.ts) */
export interface AdminUpload {
  id: number;
  contentType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  url: string;
  createdAt: string;
}

/** Each kind of material by its path under /api/v1/admin. */
export interface AdminResourceKinds {
  links: AdminLink;
  banners: AdminBanner;
  'email-copy': AdminEmailCopy;
  'resource-pages': AdminResourcePage;
}
export type AdminResourceKind = keyof AdminResourceKinds;
/** What a create or a change sends: the item's own fields (the server validates them). */
export type AdminResourceInput<K extends AdminResourceKind> = Partial<Omit<AdminResourceKinds[K], 'id' | 'createdAt' | 'updatedAt'>>;

/** The console's calls for promotional material (part of {@link AdminApi}). */
export interface AdminResourcesApi {
  resources<K extends AdminResourceKind>(kind: K, options?: RequestOptions): Promise<AdminResourceKinds[K][]>;
  createResource<K extends AdminResourceKind>(kind: K, input: AdminResourceInput<K>, options?: RequestOptions): Promise<AdminResourceKinds[K]>;
  updateResource<K extends AdminResourceKind>(kind: K, id: number, patch: AdminResourceInput<K>, options?: RequestOptions): Promise<AdminResourceKinds[K]>;
  deleteResource(kind: AdminResourceKind, id: number, options?: RequestOptions): Promise<void>;
  /** `POST /uploads` with the image's bytes as the body. */
  uploadImage(file: Blob, options?: RequestOptions): Promise<AdminUpload>;
  deleteUpload(id: number, options?: RequestOptions): Promise<void>;
}
