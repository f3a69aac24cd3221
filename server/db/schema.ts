import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The tables as Kysely sees them (constraints and indexes: the SQL files in migrations/).
 * Times: epoch milliseconds. Money: integer cents. Rates: basis points (percent) or cents (flat).
 */
export interface Database {
  partners: PartnersTable;
  sessions: SessionsTable;
  attempts: AttemptsTable;
  partner_devices: PartnerDevicesTable;
  settings: SettingsTable;
  admin_keys: AdminKeysTable;
  programs: ProgramsTable;
  program_product_rates: ProgramProductRatesTable;
  enrollments: EnrollmentsTable;
  links: LinksTable;
  resource_programs: ResourceProgramsTable;
  clicks: ClicksTable;
  leads: LeadsTable;
  sales: SalesTable;
  sale_items: SaleItemsTable;
  refunds: RefundsTable;
  commissions: CommissionsTable;
  payments: PaymentsTable;
  payment_batches: PaymentBatchesTable;
  ledger_entries: LedgerEntriesTable;
  partner_balances: PartnerBalancesTable;
  uploads: UploadsTable;
  banners: BannersTable;
  email_copy: EmailCopyTable;
  resource_pages: ResourcePagesTable;
  merchant_users: MerchantUsersTable;
  merchant_sessions: MerchantSessionsTable;
  audit_log: AuditLogTable;
  password_reset_tokens: PasswordResetTokensTable;
  email_confirmation_tokens: EmailConfirmationTokensTable;
  notification_runs: NotificationRunsTable;
  outbox: OutboxTable;
  mail_templates: MailTemplatesTable;
  notification_preferences: NotificationPreferencesTable;
  mail_settings: MailSettingsTable;
  coupons: CouponsTable;
  integration_settings: IntegrationSettingsTable;
  integration_events: IntegrationEventsTable;
  integration_refs: IntegrationRefsTable;
  held_events: HeldEventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  payout_requests: PayoutRequestsTable;
}

export type PartnerStatus = 'active' | 'pending' | 'disabled';
export type RateType = 'percent' | 'flat';

export interface PartnersTable {
  id: Generated<number>;
  code: string;
  name: string;
  email: string;
  status: PartnerStatus;
  password_hash: string;
  parent_id: number | null;
  phone: Generated<string | null>;
  company: Generated<string | null>;
  website: Generated<string | null>;
  address: Generated<string | null>;
  payout_method: Generated<PayoutMethod | null>;
  payout_details: Generated<string | null>;
  /** a rejected sign-up: the reason the partner is told (the account is disabled) */
  rejection_reason: Generated<string | null>;
  rejected_at: Generated<number | null>;
  /** when the partner confirmed their current email (null: not yet; see partners/email-confirmation.ts) */
  email_confirmed_at: Generated<number | null>;
  /** the merchant's page the partner signed up on (sign-up's confirmUrl, when allowed): the approval email links there */
  signup_page_url: Generated<string | null>;
  created_at: number;
  updated_at: number;
}
export type PayoutMethod = 'paypal' | 'bank_transfer' | 'check' | 'other';
export type PartnerRow = Selectable<PartnersTable>;
export type NewPartnerRow = Insertable<PartnersTable>;

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  partner_id: number;
  /** 'password': a partner session (from sign-in, sign-up or an exchanged embed token); 'embed': an unexchanged embed token */
  kind: 'password' | 'embed';
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** An attempt a limit guards, counted before the work (see partners/attempts.ts). */
export interface AttemptsTable {
  id: Generated<number>;
  bucket: string;
  at: number;
}

/** A browser the partner signed in on (see partners/devices.ts). */
export interface PartnerDevicesTable {
  id: Generated<number>;
  partner_id: number;
  token_hash: string;
  created_at: number;
  last_used_at: number;
}

export interface SettingsTable {
  key: string;
  /** JSON */
  value: string;
  updated_at: number;
}

export interface AdminKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface ProgramsTable {
  id: Generated<number>;
  name: string;
  description: string;
  priority: number;
  sale_commission_type: RateType;
  sale_commission_value: number;
  lead_commission: number | null;
  recurring_mode: 'every' | 'first_n' | 'none';
  recurring_payments: number | null;
  second_tier_type: RateType | null;
  second_tier_value: number | null;
  attribution_window_days: number | null;
  attribution_model: 'first_click' | 'last_click';
  hold_days: number | null;
  status: 'active' | 'archived';
  /** 1: partners who sign themselves up join it (when settings.signupProgramIds is empty) */
  open_to_signup: Generated<0 | 1>;
  created_at: number;
  updated_at: number;
}
export type ProgramRow = Selectable<ProgramsTable>;

export interface ProgramProductRatesTable {
  program_id: number;
  product_id: string;
  commission_type: RateType;
  commission_value: number;
}

export interface EnrollmentsTable {
  partner_id: number;
  program_id: number;
  created_at: number;
}

export interface LinksTable {
  id: Generated<number>;
  slug: string;
  name: string;
  destination: string;
  /** null: a merchant link every partner gets; set: that partner's own deep link */
  partner_id: number | null;
  sub: string | null;
  status: 'active' | 'disabled';
  created_at: number;
  updated_at: number;
}
export type LinkRow = Selectable<LinksTable>;

export interface ResourceProgramsTable {
  kind: 'link' | 'banner' | 'email' | 'page';
  resource_id: number;
  program_id: number;
}

export interface ClicksTable {
  id: Generated<number>;
  click_key: string;
  link_id: number;
  partner_id: number | null;
  at: number;
  ip_hash: string;
  user_agent: string | null;
  referrer: string | null;
  sub: string | null;
  /** the first click of the same browser within the window; null when this one is the first */
  first_click_id: Generated<number | null>;
}

export interface LeadsTable {
  id: Generated<number>;
  partner_id: number;
  click_id: number | null;
  email: string;
  name: string | null;
  sub: string | null;
  status: 'lead' | 'customer';
  external_id: string | null;
  at: number;
}

export interface SalesTable {
  id: Generated<number>;
  order_id: string;
  partner_id: number | null;
  click_id: number | null;
  lead_id: number | null;
  amount: number;
  currency: string;
  customer_email: string | null;
  customer_name: string | null;
  sub: string | null;
  subscription_id: string | null;
  self_referral: number;
  refunded_amount: number;
  status: 'completed' | 'partially_refunded' | 'refunded';
  request_hash: string;
  response: string;
  at: number;
}

export interface SaleItemsTable {
  id: Generated<number>;
  sale_id: number;
  product_id: string;
  amount: number;
  quantity: number;
}

export interface RefundsTable {
  id: Generated<number>;
  sale_id: number;
  amount: number;
  reason: string | null;
  external_id: string | null;
  at: number;
  /** JSON of the first answer, for replays of the same external id */
  response: string | null;
}

export type CommissionStatus = 'pending' | 'approved' | 'paid' | 'clawed_back';

export interface CommissionsTable {
  id: Generated<number>;
  partner_id: number;
  program_id: number | null;
  sale_id: number | null;
  lead_id: number | null;
  kind: 'sale' | 'lead';
  tier: 'direct' | 'second';
  base_amount: number;
  rate_type: RateType;
  rate_value: number;
  amount: number;
  clawed_back: number;
  status: CommissionStatus;
  /** JSON: link, click time, sub, attribution rule, program, rate */
  reason: string;
  payable_at: number;
  approved_at: number | null;
  created_at: number;
}
export type CommissionRow = Selectable<CommissionsTable>;

export interface PaymentsTable {
  id: Generated<number>;
  partner_id: number;
  amount: number;
  currency: string;
  method: string | null;
  reference: string | null;
  note: string | null;
  forced: number;
  at: number;
  /** the batch it was recorded in (POST /admin/payments/batch), or null */
  batch_id: number | null;
}

export interface PaymentBatchesTable {
  id: Generated<number>;
  at: number;
}

export type LedgerEntryType = 'commission' | 'clawback' | 'payment' | 'adjustment';

export interface LedgerEntriesTable {
  id: Generated<number>;
  partner_id: number;
  at: number;
  type: LedgerEntryType;
  /** signed effect on the balance */
  amount: number;
  /** running balance after this entry */
  balance: number;
  currency: string;
  description: string;
  commission_id: number | null;
  payment_id: number | null;
  reverses_id: number | null;
}
export type LedgerEntryRow = Selectable<LedgerEntriesTable>;

/** A partner's latest running balance (of their latest ledger entry), written with each entry. */
export interface PartnerBalancesTable {
  partner_id: number;
  balance: number;
  /** the time of the partner's latest entry */
  at: number;
}

export interface UploadsTable {
  id: Generated<number>;
  content_type: string;
  bytes: Buffer;
  size: number;
  sha256: string;
  created_at: number;
}

export interface BannersTable {
  id: Generated<number>;
  name: string;
  image_url: string | null;
  upload_id: number | null;
  width: number;
  height: number;
  alt: string;
  link_id: number;
  sort_order: number;
  status: 'active' | 'archived';
  created_at: number;
  updated_at: number;
}

export interface EmailCopyTable {
  id: Generated<number>;
  name: string;
  subject: string;
  body: string;
  link_id: number | null;
  sort_order: number;
  status: 'active' | 'archived';
  created_at: number;
  updated_at: number;
}

export interface ResourcePagesTable {
  id: Generated<number>;
  title: string;
  slug: string;
  body: string;
  sort_order: number;
  status: 'active' | 'archived';
  created_at: number;
  updated_at: number;
}

export type MerchantRole = 'owner' | 'staff';
export type MerchantUserStatus = 'active' | 'disabled';

export interface MerchantUsersTable {
  id: Generated<number>;
  /** lower-case */
  email: string;
  role: MerchantRole;
  status: Generated<MerchantUserStatus>;
  password_hash: string;
  created_at: number;
  updated_at: number;
}
export type MerchantUserRow = Selectable<MerchantUsersTable>;

export interface MerchantSessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export type AuditActorType = 'user' | 'key' | 'cli';

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor_type: AuditActorType;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON, secrets removed */
  before: string | null;
  after: string | null;
}
export type AuditLogRow = Selectable<AuditLogTable>;

/** A password reset link sent by email (see partners/password-reset.ts): only the token's SHA-256 is kept. */
export interface PasswordResetTokensTable {
  id: Generated<number>;
  partner_id: number;
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A link confirming the partner reads `email` (see partners/email-confirmation.ts). */
export interface EmailConfirmationTokensTable {
  id: Generated<number>;
  partner_id: number;
  email: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A scheduled message claimed for one partner and period (see partners/notifications.ts). */
export interface NotificationRunsTable {
  job: 'commission_digest' | 'monthly_statement';
  partner_id: number;
  /** the UTC day (2026-11-30) of a digest, the month (2026-11) of a statement */
  period: string;
  claimed_at: number;
}

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'kept';

export interface OutboxTable {
  id: Generated<number>;
  /** a MailKind (no CHECK: a new kind needs no migration) */
  kind: string;
  to: string;
  partner_id: number | null;
  subject: string;
  text: string;
  html: string;
  /** JSON object of extra headers (List-Unsubscribe …) */
  headers: Generated<string>;
  /** JSON list of { filename, contentType, content } */
  attachments: Generated<string>;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<number | null>;
  /** the lease of the worker sending it */
  locked_until: Generated<number | null>;
  last_error: Generated<string | null>;
  created_at: number;
  sent_at: Generated<number | null>;
}
export type OutboxRow = Selectable<OutboxTable>;

export interface MailTemplatesTable {
  /** a MailKind */
  kind: string;
  subject: string;
  body: string;
  updated_at: number;
}

export type CommissionNotice = 'immediate' | 'daily' | 'off';

export interface NotificationPreferencesTable {
  partner_id: number;
  commission: Generated<CommissionNotice>;
  payment: Generated<0 | 1>;
  statement: Generated<0 | 1>;
  updated_at: number;
}

export interface MailSettingsTable {
  /** always 1 */
  id: Generated<number>;
  smtp_url: Generated<string | null>;
  mail_from: Generated<string | null>;
  notify_address: Generated<string | null>;
  /** JSON list of MailKind */
  kinds_off: Generated<string>;
  /** signs unsubscribe links */
  signing_key: Generated<string | null>;
  updated_at: number;
}

/** A partner's coupon code (unique across partners, case-insensitive: COLLATE NOCASE). */
export interface CouponsTable {
  id: Generated<number>;
  partner_id: number;
  code: string;
  created_at: number;
}
export type CouponRow = Selectable<CouponsTable>;

/** The owner's connector secrets: one row (id 1); null: the environment's. */
export interface IntegrationSettingsTable {
  id: Generated<number>;
  stripe_webhook_secret: Generated<string | null>;
  shopify_webhook_secret: Generated<string | null>;
  updated_at: number;
}

export type IntegrationProvider = 'stripe' | 'shopify';

/** An event a connector handled (idempotency on provider + event id). */
export interface IntegrationEventsTable {
  id: Generated<number>;
  provider: IntegrationProvider;
  event_id: string;
  type: string;
  result: 'recorded' | 'ignored' | 'held';
  detail: string | null;
  received_at: number;
}

/** A provider's reference of a recorded sale (payment intent, invoice, order id) → its order id. */
export interface IntegrationRefsTable {
  provider: IntegrationProvider;
  ref: string;
  order_id: string;
}

/** A refund or cancel that came before its sale. */
export interface HeldEventsTable {
  id: Generated<number>;
  provider: IntegrationProvider;
  ref: string;
  event_id: string;
  type: string;
  /** the event's JSON */
  payload: string;
  received_at: number;
}
export type WebhookEndpointStatus = 'enabled' | 'disabled';

/** An endpoint the merchant registered for outgoing webhooks (see server/webhooks/). */
export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  description: Generated<string>;
  /** JSON list of event types */
  events: Generated<string>;
  /** `whsec_` + base64: signs every delivery (shown once) */
  secret: string;
  status: Generated<WebhookEndpointStatus>;
  disabled_reason: Generated<string | null>;
  /** the first failed try since the last delivered one (null: healthy) */
  failing_since: Generated<number | null>;
  /** deliveries given up on in a row */
  failure_streak: Generated<number>;
  created_at: number;
  updated_at: number;
}
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;

export interface WebhookEventsTable {
  id: Generated<number>;
  /** the webhook-id header, `msg_…` */
  msg_id: string;
  type: string;
  /** the JSON body sent: { type, timestamp, data } */
  payload: string;
  created_at: number;
}

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  event_id: number;
  endpoint_id: number;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<number | null>;
  /** the lease of the worker sending it */
  locked_until: Generated<number | null>;
  response_code: Generated<number | null>;
  duration_ms: Generated<number | null>;
  last_error: Generated<string | null>;
  created_at: number;
  last_attempt_at: Generated<number | null>;
  delivered_at: Generated<number | null>;
}
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

export type PayoutRequestStatus = 'open' | 'paid' | 'declined' | 'cancelled';

/** A partner's request to be paid (payout schedule "on request"; 017-payout-requests.sql). */
export interface PayoutRequestsTable {
  id: Generated<number>;
  partner_id: number;
  /** what was payable now when the partner asked */
  amount: number;
  currency: string;
  status: Generated<PayoutRequestStatus>;
  requested_at: number;
  /** when it left "open" */
  decided_at: Generated<number | null>;
  /** the merchant's reason when declined */
  note: Generated<string | null>;
  /** the payment that settled it */
  payment_id: Generated<number | null>;
}
export type PayoutRequestRow = Selectable<PayoutRequestsTable>;
