/**
 * The shapes the merchant console reads from the admin API. Each answer is written once, as the
 * server's zod schema; these are type-only imports, so nothing of the server or of zod reaches
 * the bundle. Only what the browser alone uses (queries, credentials, the client's interface)
 * is written here.
 */
import type { CsvFile, PayoutMethod, RequestOptions } from '../../src/api/types.js';
import type { MerchantLoginResult, MerchantUserView } from '../../server/merchants/schemas.js';
import type { EmbedToken, PartnerAccountDetailView, PartnerAccountView } from '../../server/partners/schemas.js';
import type { PartnerDetail, PartnerList, PartnerSort } from '../../server/partners/admin.schemas.js';
import type { NewPartnerAccount } from '../../server/partners/partner-admin.js';
import type { ProgramView } from '../../server/catalog/schemas.js';
import type { Balance, CommissionReason, LedgerEntry, PartnerLedger } from '../../server/money/schemas.js';
import type { AdminCommission, BatchApprovalResult, CommissionList } from '../../server/money/commission.schemas.js';

export type { CsvFile, RequestOptions };

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
/** `POST /api/v1/admin/partners` */
export type NewPartner = NewPartnerAccount;
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

// ── programs and settings (the Programs and Settings sections) ─────────────────────────────

/** server: RateSchema — percent in basis points (1000 = 10%), flat in minor units */
export interface ProgramRate {
  type: 'percent' | 'flat';
  value: number;
}
export type RecurringMode = 'every' | 'first_n' | 'none';
export type AttributionModel = 'first_click' | 'last_click';
export interface ProductRate extends ProgramRate {
  productId: string;
}

/** server: ProgramSchema (every rule of a program) */
export interface Program {
  id: number;
  name: string;
  description: string;
  priority: number;
  saleCommission: ProgramRate;
  leadCommission: number | null;
  recurring: { mode: RecurringMode; payments: number | null };
  secondTier: ProgramRate | null;
  attributionWindowDays: number | null;
  attributionModel: AttributionModel;
  holdDays: number | null;
  status: 'active' | 'archived';
  openToSignup: boolean;
  productRates: ProductRate[];
  createdAt: string;
  updatedAt: string;
}

/** server: newProgramSchema (its input): `POST /api/v1/admin/programs` */
export interface NewProgram {
  name: string;
  description?: string;
  priority?: number;
  saleCommission: ProgramRate;
  leadCommission?: number | null;
  recurring?: { mode: RecurringMode; payments?: number | null };
  secondTier?: ProgramRate | null;
  attributionWindowDays?: number | null;
  attributionModel?: AttributionModel;
  holdDays?: number | null;
  status?: 'active' | 'archived';
  openToSignup?: boolean;
  productRates?: ProductRate[];
}

/** server: programPatchSchema: only the fields sent change */
export type ProgramPatch = Partial<NewProgram>;

/** server (branch i11-api-money): ProgramExampleRequestSchema, the parts the console sends */
export interface ProgramExampleRequest {
  program: NewProgram;
  /** minor units */
  saleAmount?: number;
}

/** server (branch i11-api-money): ProgramExampleSchema — `POST /api/v1/admin/programs/example` */
export interface ProgramExample {
  currency: string;
  saleAmount: number;
  sale: {
    partner: number;
    parent: number;
    commissions: { tier: 'direct' | 'second'; amount: number; baseAmount: number; rateType: 'percent' | 'flat'; rateValue: number; productIds?: string[] }[];
  };
  lead: number;
  holdDays: number;
}

/** Which Home sections partners see. */
export interface HomeMenus {
  welcome: boolean;
  profile: boolean;
  programs: boolean;
  commissions: boolean;
}

/** server: Settings — `GET /api/v1/admin/settings` */
export interface MerchantSettings {
  merchantName: string;
  currency: string;
  attributionWindowDays: number;
  holdDays: number;
  allowedLinkDomains: string[];
  allowedOrigins: string[];
  minimumPayout: number;
  leadPrivacy: 'masked' | 'full';
  clickParam: string;
  welcomeMessage: string;
  signupMode: 'closed' | 'approval' | 'open';
  signupProgramIds: number[];
  menus: HomeMenus;
}

/** server: settingsPatchSchema — `PATCH /api/v1/admin/settings` (only what changed) */
export type SettingsPatch = Partial<Omit<MerchantSettings, 'menus'>> & { menus?: Partial<HomeMenus> };

/** server (branch i11-server): AdminKeySchema */
export interface AdminKey {
  id: number;
  name: string;
  /** the first characters of the key, to recognise it */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** server (branch i11-server): NewAdminKeySchema — the secret, shown this once */
export interface NewAdminKey extends AdminKey {
  key: string;
}

/** server (branch i11-server): MerchantUserSchema */
export interface MerchantUser {
  id: number;
  email: string;
  role: AdminRole;
  status: 'active' | 'disabled';
  createdAt: string;
  updatedAt: string;
}

export interface NewMerchantUser {
  email: string;
  role: AdminRole;
  password: string;
}

export type MerchantUserPatch = Partial<{ role: AdminRole; status: 'active' | 'disabled'; password: string }>;

/** What the Programs and Settings sections ask of the admin API. */
export interface ProgramsAndSettingsApi {
  listPrograms(query?: { status?: 'active' | 'archived' }, options?: RequestOptions): Promise<Program[]>;
  program(id: number, options?: RequestOptions): Promise<Program>;
  createProgram(program: NewProgram, options?: RequestOptions): Promise<Program>;
  updateProgram(id: number, patch: ProgramPatch, options?: RequestOptions): Promise<Program>;
  archiveProgram(id: number, options?: RequestOptions): Promise<Program>;
  programExample(request: ProgramExampleRequest, options?: RequestOptions): Promise<ProgramExample>;

  settings(options?: RequestOptions): Promise<MerchantSettings>;
  updateSettings(patch: SettingsPatch, options?: RequestOptions): Promise<MerchantSettings>;
  adminKeys(options?: RequestOptions): Promise<AdminKey[]>;
  createAdminKey(name: string, options?: RequestOptions): Promise<NewAdminKey>;
  revokeAdminKey(id: number, options?: RequestOptions): Promise<AdminKey>;
  merchantUsers(options?: RequestOptions): Promise<MerchantUser[]>;
  createMerchantUser(user: NewMerchantUser, options?: RequestOptions): Promise<MerchantUser>;
  updateMerchantUser(id: number, patch: MerchantUserPatch, options?: RequestOptions): Promise<MerchantUser>;
  deleteMerchantUser(id: number, options?: RequestOptions): Promise<void>;
}

/** server: PayoutSchema (`GET /api/v1/admin/payouts`: payout details masked) */
export interface PayoutDue {
  partnerCode: string;
  name: string;
  email: string;
  /** payable now (cents) */
  amount: number;
  balance: AdminBalance;
  payoutMethod: PayoutMethod | null;
  payoutDetailsMasked: string | null;
}

/** `GET /api/v1/admin/payouts` */
export interface PayoutsDue {
  /** the minimum payout (cents) the list was made with */
  minimum: number;
  currency: string;
  payouts: PayoutDue[];
}

/** The columns of `GET /api/v1/admin/payouts?format=csv&layout=…` */
export type PayoutCsvLayout = 'standard' | 'paypal' | 'wise';

/** server: PaymentSchema */
export interface AdminPayment {
  id: number;
  partnerCode: string;
  amount: number;
  currency: string;
  method: string | null;
  reference: string | null;
  note: string | null;
  forced: boolean;
  reversed: boolean;
  at: string;
  ledgerEntryId: number;
  /** the batch it was recorded in (POST /payments/batch), or null */
  batchId: number | null;
  balance: AdminBalance;
}

/** `GET /api/v1/admin/payments` (offset paging, newest first) */
export interface PaymentQuery {
  partner?: string;
  batch?: number;
  limit?: number;
  offset?: number;
}

/** How a payment (or every payment of a batch) was made. */
export interface PaymentDetails {
  method?: string;
  reference?: string;
  note?: string;
}

/** server: PaymentBatchRequestSchema (`POST /api/v1/admin/payments/batch`, all or nothing) */
export interface PaymentBatchRequest extends PaymentDetails {
  /** a row without amount pays everything payable now */
  payments: { partner: string; amount?: number }[];
}

/** server: PaymentBatchSchema */
export interface PaymentBatch {
  batchId: number;
  at: string;
  count: number;
  total: number;
  currency: string;
  payments: AdminPayment[];
}

/** server: DashboardQuerySchema */
export interface DashboardQuery {
  from?: string;
  to?: string;
  /** IANA zone the trend's days are counted in */
  timeZone?: string;
}

interface DashboardSales {
  count: number;
  amount: number;
}

/** server: DashboardSchema (`GET /api/v1/admin/dashboard`) */
export interface Dashboard {
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  period: { clicks: number; leads: number; sales: DashboardSales; earned: number; paid: number };
  /** every partner, now: balance (owed), pending, payable now */
  now: AdminBalance;
  trend: { date: string; clicks: number; sales: number; earned: number }[];
  topPartners: { code: string; name: string; earned: number; sales: DashboardSales }[];
  attention: {
    signupsWaiting: number;
    pastHold: { count: number; amount: number };
    payoutsDue: { count: number; amount: number; minimum: number };
  };
}

/** server: AuditEntrySchema */
export interface AuditEntry {
  id: number;
  at: string;
  actorType: 'user' | 'key' | 'cli';
  /** the merchant user's email, the admin key's name, or `cli` */
  actor: string;
  /** `program.update` */
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

/** `GET /api/v1/admin/audit` filters (`from` inclusive, `to` exclusive: dates or ISO instants) */
export interface AuditQuery {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** `GET /api/v1/admin/audit` */
export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** Everything the console's elements ask of the admin API: the HTTP client and the fake implement it. */
export interface AdminApi extends ProgramsAndSettingsApi, AdminResourcesApi {
  /** The server's base URL (for "view as partner"). */
  readonly baseUrl: string;
  login(credentials: AdminCredentials, options?: RequestOptions): Promise<AdminLoginResult>;
  logout(options?: RequestOptions): Promise<void>;
  me(options?: RequestOptions): Promise<AdminUser>;

  partners(query: PartnerQuery, options?: RequestOptions): Promise<PartnerPage>;
  partner(code: string, options?: RequestOptions): Promise<PartnerDetail>;
  createPartner(partner: NewPartner, options?: RequestOptions): Promise<PartnerAccountDetail>;
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

  payoutsDue(options?: RequestOptions): Promise<PayoutsDue>;
  /** The payouts due as a file to pay them with (payout details in full). */
  downloadPayoutsCsv(layout: PayoutCsvLayout, options?: RequestOptions): Promise<CsvFile>;
  /** One payment of `amount` cents (never more than payable now). */
  recordPayment(partnerCode: string, amount: number, details: PaymentDetails, options?: RequestOptions): Promise<AdminPayment>;
  recordPaymentBatch(batch: PaymentBatchRequest, options?: RequestOptions): Promise<PaymentBatch>;
  payments(query: PaymentQuery, options?: RequestOptions): Promise<AdminPayment[]>;

  dashboard(query: DashboardQuery, options?: RequestOptions): Promise<Dashboard>;

  audit(query: AuditQuery, options?: RequestOptions): Promise<AuditPage>;
  /** Every entry matching the filters as a CSV file. */
  downloadAuditCsv(query: AuditQuery, options?: RequestOptions): Promise<CsvFile>;
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
