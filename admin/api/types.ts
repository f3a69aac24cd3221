import type { MailKind, MailTemplateView, OutboxMessage, OutboxMessageDetail, OutboxPage, EmailSettings, OutboxStatusName, TemplatePreview } from '../../server/mail/mail.schemas.js';
/**
 * The shapes the merchant console reads from the admin API. Each answer is written once, as the
 * server's zod schema; these are type-only imports, so nothing of the server or of zod reaches
 * the bundle. Only what the browser alone uses (queries, credentials, the client's interface)
 * is written here.
 */
import type { CsvFile, RequestOptions } from '../../src/api/types.js';
import type {
  AdminKeyView,
  AuditEntry,
  AuditPage,
  MerchantLogin,
  MerchantLoginResult,
  MerchantUserPatch,
  MerchantUserView,
  NewAdminKey,
  NewMerchantUser,
} from '../../server/merchants/schemas.js';
import type { EmbedToken, PartnerAccountDetailView, PartnerAccountView } from '../../server/partners/schemas.js';
import type { PartnerDetail, PartnerList, PartnerSort } from '../../server/partners/admin.schemas.js';
import type { LinkView, ProgramView, Rate } from '../../server/catalog/schemas.js';
import type { NewProgram, ProductRate, ProgramPatch } from '../../server/catalog/program.schemas.js';
import type { ProgramExample, ProgramExampleRequest } from '../../server/catalog/program-example.schemas.js';
import type { Settings, SettingsPatch } from '../../server/catalog/settings.schemas.js';
import type { Balance, CommissionReason, LedgerEntry, PartnerLedger, Payment, PayoutCsvLayout, PayoutDue, PayoutsDue } from '../../server/money/schemas.js';
import type { PaymentBatch, PaymentBatchRequest } from '../../server/money/payout-batch.schemas.js';
import type { Dashboard, DashboardQuery } from '../../server/money/dashboard.schemas.js';
import type { BannerView, EmailView, PageView, UploadView } from '../../server/resources/schemas.js';
import type { NewPartnerAccount } from '../../server/partners/partner.schemas.js';
import type { AdminCommission, BatchApprovalResult, CommissionList } from '../../server/money/commission.schemas.js';

export type { CsvFile, RequestOptions };

/** A merchant user (`GET /api/v1/admin/auth/me`). */
export type AdminUser = MerchantUserView;
export type AdminRole = AdminUser['role'];
/** `POST /api/v1/admin/auth/login` */
export type AdminLoginResult = MerchantLoginResult;

/** `POST /api/v1/admin/auth/login` body */
export type AdminCredentials = MerchantLogin;

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

/** A commission rate: percent in basis points (1000 = 10%), flat in cents. */
export type ProgramRate = Rate;
export type { ProductRate };
/** Every rule of a program (`GET /api/v1/admin/programs/{id}`). */
export type Program = ProgramView;
export type RecurringMode = Program['recurring']['mode'];
export type AttributionModel = Program['attributionModel'];
/** `POST /api/v1/admin/programs` (what the server fills in may be left out) */
export type { NewProgram };
/** `PATCH /api/v1/admin/programs/{id}`: only the fields sent change */
export type { ProgramPatch };
/** `POST /api/v1/admin/programs/example`: the program as it stands in the form, and the sale to price */
export type { ProgramExampleRequest, ProgramExample };

/** `GET /api/v1/admin/settings` */
export type MerchantSettings = Settings;
/** Which Home sections partners see. */
export type HomeMenus = MerchantSettings['menus'];
/** `PATCH /api/v1/admin/settings` (only what changed) */
export type { SettingsPatch };

export type AdminKey = AdminKeyView;
/** `POST /api/v1/admin/admin-keys`: the secret, shown this once */
export type { NewAdminKey };
export type MerchantUser = MerchantUserView;
export type { NewMerchantUser, MerchantUserPatch };

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

/** A partner due a payout (payout details masked). */
export type { PayoutDue };
/** `GET /api/v1/admin/payouts`: `minimum` is the minimum payout (cents) the list was made with */
export type { PayoutsDue };

/** The columns of `GET /api/v1/admin/payouts?format=csv&layout=…` */
export type { PayoutCsvLayout };

/** A payment and the partner's balance after it; `batchId`: the batch it was recorded in, or null. */
export type AdminPayment = Payment;

/** `GET /api/v1/admin/payments` (offset paging, newest first) */
export interface PaymentQuery {
  partner?: string;
  batch?: number;
  limit?: number;
  cursor?: string;
}

/** A page of the payment history and the cursor of the next (null: the last). */
export interface PaymentPage {
  payments: AdminPayment[];
  nextCursor: string | null;
}

/** `GET /api/v1/admin/payouts?limit&cursor`: a page of the partners due, largest first. */
export interface PayoutsDueQuery {
  limit?: number;
  cursor?: string;
}

/** `POST /api/v1/admin/payments/batch` (all or nothing): a row without amount pays everything payable now */
export type { PaymentBatchRequest, PaymentBatch };
/** How a payment (or every payment of a batch) was made. */
export type PaymentDetails = Pick<PaymentBatchRequest, 'method' | 'reference' | 'note'>;

/** `GET /api/v1/admin/dashboard`: the period (`timeZone`: the IANA zone the trend's days are counted in) */
export type { DashboardQuery, Dashboard };

/** Who changed what, when, and the target before and after. */
export type { AuditEntry };

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
export type { AuditPage };

/** Everything the console's elements ask of the admin API: the HTTP client and the fake implement it. */
export interface AdminApi extends ProgramsAndSettingsApi, AdminResourcesApi, AdminEmailApi, AdminWebhooksApi, AdminIntegrationsApi, AdminCouponsApi, AdminPayoutRequestsApi {
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

  payoutsDue(query?: PayoutsDueQuery, options?: RequestOptions): Promise<PayoutsDue>;
  /** The payouts due as a file to pay them with (payout details in full). */
  downloadPayoutsCsv(layout: PayoutCsvLayout, options?: RequestOptions): Promise<CsvFile>;
  /** One payment of `amount` cents (never more than payable now). */
  recordPayment(partnerCode: string, amount: number, details: PaymentDetails, options?: RequestOptions): Promise<AdminPayment>;
  recordPaymentBatch(batch: PaymentBatchRequest, options?: RequestOptions): Promise<PaymentBatch>;
  payments(query: PaymentQuery, options?: RequestOptions): Promise<PaymentPage>;

  dashboard(query: DashboardQuery, options?: RequestOptions): Promise<Dashboard>;

  audit(query: AuditQuery, options?: RequestOptions): Promise<AuditPage>;
  /** Every entry matching the filters as a CSV file. */
  downloadAuditCsv(query: AuditQuery, options?: RequestOptions): Promise<CsvFile>;
}

// ── promotional material (links, banners, email copy, resource pages, uploads) ──────────────

export type AdminLink = LinkView;
export type AdminBanner = BannerView;
export type AdminEmailCopy = EmailView;
/** `body` is markdown */
export type AdminResourcePage = PageView;
export type AdminUpload = UploadView;

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

// ── email: the outbox, templates and sending settings (the console's Email section; owner only) ──
// The answers' shapes are the server's (server/mail/mail.schemas.ts); the requests are written here.

export type { MailKind, OutboxMessage, OutboxMessageDetail, OutboxPage, EmailSettings };
/** `kept`: no SMTP server configured, so the message stays in the outbox only. */
export type OutboxStatus = OutboxStatusName;

/** `GET /api/v1/admin/outbox` filters (newest first, keyset cursor). */
export interface OutboxQuery {
  status?: OutboxStatus;
  kind?: MailKind;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** `PATCH /api/v1/admin/email/settings`: what is left out stays; `smtpUrl: null` clears the saved URL. */
export interface EmailSettingsPatch {
  smtpUrl?: string | null;
  mailFrom?: string;
  notifyAddress?: string | null;
  kinds?: Partial<Record<MailKind, boolean>>;
}

/** A kind's template (`GET /api/v1/admin/email/templates`): markdown with `{{placeholders}}`; `customized`: the merchant changed it. */
export type EmailTemplate = MailTemplateView;

/** `PUT …/templates/{kind}` and `POST …/templates/{kind}/preview` */
export interface EmailTemplateInput {
  subject: string;
  body: string;
}

/** `POST …/templates/{kind}/preview`: rendered with sample data. */
export type EmailPreview = TemplatePreview;

/** What the Email section asks of the admin API (part of {@link AdminApi}). */
export interface AdminEmailApi {
  outbox(query: OutboxQuery, options?: RequestOptions): Promise<OutboxPage>;
  outboxMessage(id: number, options?: RequestOptions): Promise<OutboxMessageDetail>;
  /** failed or kept → queued (409 otherwise) */
  retryOutboxMessage(id: number, options?: RequestOptions): Promise<OutboxMessage>;
  emailSettings(options?: RequestOptions): Promise<EmailSettings>;
  updateEmailSettings(patch: EmailSettingsPatch, options?: RequestOptions): Promise<EmailSettings>;
  /** queues a `test` message to `to`; answers its outbox id */
  sendTestEmail(to: string, options?: RequestOptions): Promise<{ id: number }>;
  emailTemplates(options?: RequestOptions): Promise<EmailTemplate[]>;
  /** 400 `unknown_placeholder` naming the field (`subject` or `body`) */
  saveEmailTemplate(kind: MailKind, template: EmailTemplateInput, options?: RequestOptions): Promise<EmailTemplate>;
  /** back to the default; answers it */
  resetEmailTemplate(kind: MailKind, options?: RequestOptions): Promise<EmailTemplate>;
  previewEmailTemplate(kind: MailKind, template: EmailTemplateInput, options?: RequestOptions): Promise<EmailPreview>;
}

// ── issue 13: webhooks out, Stripe/Shopify integrations, coupon codes (owner only but coupons) ──
// Written here from the helpers' contract (HOOKS-CONTRACT.md) while the server's schemas are built
// in parallel; once server/webhooks and server/integrations export them, these become `import type`.

/** The events an endpoint can subscribe to (Standard Webhooks payloads `{ type, timestamp, data }`). */
export type WebhookEventType =
  | 'partner.created'
  | 'partner.approved'
  | 'sale.created'
  | 'commission.created'
  | 'commission.approved'
  | 'commission.clawed_back'
  | 'payment.created'
  | 'lead.created'
  | 'payout_request.created';

/** An endpoint's id (the server's; kept as given, shown in URLs as text). */
export type WebhookId = number | string;

export type DeliveryStatus = 'delivered' | 'failed' | 'pending';

/** `GET /api/v1/admin/webhooks` → `{ endpoints }` */
export interface WebhookEndpoint {
  id: WebhookId;
  url: string;
  description: string | null;
  events: string[];
  status: 'enabled' | 'disabled';
  /** why it is disabled (by the merchant, or after failing for days) */
  disabledReason: string | null;
  createdAt: string;
  lastDelivery: { at: string; status: DeliveryStatus; responseCode: number | null } | null;
}

/** `POST /api/v1/admin/webhooks` → 201: the endpoint and its signing secret, given this once. */
export type NewWebhookEndpoint = WebhookEndpoint & { secret: string };

export interface WebhookEndpointInput {
  url: string;
  events: string[];
  description?: string;
}

export interface WebhookEndpointPatch {
  url?: string;
  events?: string[];
  description?: string;
  status?: 'enabled' | 'disabled';
}

/** One delivery of an event to an endpoint (with its retries). */
export interface WebhookDelivery {
  id: WebhookId;
  eventType: string;
  eventId: string;
  status: DeliveryStatus;
  attempts: number;
  responseCode: number | null;
  durationMs: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** `GET /api/v1/admin/webhooks/{id}/deliveries?limit&cursor`, newest first */
export interface WebhookDeliveryPage {
  deliveries: WebhookDelivery[];
  nextCursor: string | null;
}

export interface DeliveryQuery {
  limit?: number;
  cursor?: string;
}

/** The console's Webhooks section (part of {@link AdminApi}); owner only (staff 403). */
export interface AdminWebhooksApi {
  webhooks(options?: RequestOptions): Promise<WebhookEndpoint[]>;
  /** 400 naming `url` (not https, private address) or `events` (unknown name) */
  createWebhook(input: WebhookEndpointInput, options?: RequestOptions): Promise<NewWebhookEndpoint>;
  updateWebhook(id: WebhookId, patch: WebhookEndpointPatch, options?: RequestOptions): Promise<WebhookEndpoint>;
  deleteWebhook(id: WebhookId, options?: RequestOptions): Promise<void>;
  /** queues a `webhook.test` event to the endpoint; answers its delivery's id */
  testWebhook(id: WebhookId, options?: RequestOptions): Promise<{ deliveryId: WebhookId }>;
  webhookDeliveries(id: WebhookId, query: DeliveryQuery, options?: RequestOptions): Promise<WebhookDeliveryPage>;
  /** sends the delivery's event again; answers the new delivery */
  resendDelivery(deliveryId: WebhookId, options?: RequestOptions): Promise<WebhookDelivery>;
}

/** Where an integration's signing secret comes from: the environment, the console's settings, or nowhere. */
export interface IntegrationState {
  configured: boolean;
  from: 'env' | 'settings' | null;
  /** the address to paste into Stripe's or Shopify's webhook settings */
  webhookUrl: string;
}

/** `GET /api/v1/admin/integrations` (the secrets are never given back) */
export interface Integrations {
  stripe: IntegrationState;
  shopify: IntegrationState;
}

/** `PATCH /api/v1/admin/integrations`: a secret to set or replace; `null` clears it. */
export interface IntegrationsPatch {
  stripeWebhookSecret?: string | null;
  shopifyWebhookSecret?: string | null;
}

export interface AdminIntegrationsApi {
  integrations(options?: RequestOptions): Promise<Integrations>;
  updateIntegrations(patch: IntegrationsPatch, options?: RequestOptions): Promise<Integrations>;
}

/** A partner's coupon / promotion code (`GET /api/v1/admin/partners/{code}/coupons`). */
export interface Coupon {
  code: string;
  createdAt: string;
}

export interface AdminCouponsApi {
  coupons(partnerCode: string, options?: RequestOptions): Promise<Coupon[]>;
  /** 409 `coupon_taken` when another partner has it (compared case-insensitively); 400 naming `code` */
  addCoupon(partnerCode: string, code: string, options?: RequestOptions): Promise<Coupon>;
  removeCoupon(partnerCode: string, code: string, options?: RequestOptions): Promise<void>;
}

// ── payout requests (issue 14: partners ask to be paid when the schedule is "on request") ──

export type PayoutSchedule = MerchantSettings['payoutSchedule'];
export type PayoutRequestStatus = 'open' | 'paid' | 'declined' | 'cancelled';

/** A partner's payout request as the merchant sees it (`GET /api/v1/admin/payout-requests`). */
export interface AdminPayoutRequest {
  id: number;
  /** what was payable now when the partner asked (cents) */
  amount: number;
  currency: string;
  status: PayoutRequestStatus;
  requestedAt: string;
  decidedAt: string | null;
  /** the merchant's reason when declined */
  note: string | null;
  /** the payment that settled it */
  paymentId: number | null;
  partner: { id: number; code: string; name: string; email: string };
}

export interface AdminPayoutRequestPage {
  requests: AdminPayoutRequest[];
  nextCursor: string | null;
}

export interface PayoutRequestQuery {
  status?: PayoutRequestStatus;
  limit?: number;
  cursor?: string;
}

export interface AdminPayoutRequestsApi {
  /** Newest first; staff may read. Recording a payment to the partner settles their open request. */
  payoutRequests(query: PayoutRequestQuery, options?: RequestOptions): Promise<AdminPayoutRequestPage>;
  /** Owners only; 404 when the request is no longer open. The answer has no `partner`. */
  declinePayoutRequest(id: number, note: string, options?: RequestOptions): Promise<Omit<AdminPayoutRequest, 'partner'>>;
}

// ── the server's answers fit these types (a compile error here means the two drifted) ──
type Fits<Console, Server extends Console> = Server;
export type ServerAnswersFit = [
  Fits<WebhookEndpoint, import('../../server/webhooks/webhooks.schemas.js').WebhookEndpoint>,
  Fits<NewWebhookEndpoint, import('../../server/webhooks/webhooks.schemas.js').NewWebhookEndpointAnswer>,
  Fits<WebhookDelivery, import('../../server/webhooks/webhooks.schemas.js').WebhookDelivery>,
  Fits<WebhookDeliveryPage, import('../../server/webhooks/webhooks.schemas.js').WebhookDeliveryPage>,
  Fits<Integrations, import('../../server/integrations/integrations.schemas.js').Integrations>,
  Fits<Coupon, import('../../server/integrations/integrations.schemas.js').Coupon>,
  Fits<AdminPayoutRequestPage, import('../../server/money/overview.schemas.js').AdminPayoutRequestPage>,
  Fits<Omit<AdminPayoutRequest, 'partner'>, import('../../server/money/overview.schemas.js').PayoutRequest>,
];
