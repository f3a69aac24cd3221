import type { KyInstance } from 'ky';
import { ApiError } from '../../src/api/errors.js';
import { apiErrorOf, createKy, filenameOf } from '../../src/api/client.js';
import { adminSession, type AdminSession } from './session.js';
import type {
  AdminApi,
  AdminCommission,
  AdminCredentials,
  AdminLoginResult,
  AdminProgram,
  AdminPayment,
  AdminResourceInput,
  AdminResourceKind,
  AdminResourceKinds,
  AdminUpload,
  AdminUser,
  AuditPage,
  AuditQuery,
  BatchApproveResult,
  CommissionPage,
  CommissionQuery,
  CsvFile,
  Dashboard,
  DashboardQuery,
  EmbedTokenResult,
  NewPartner,
  PartnerAccountDetail,
  PartnerDetail,
  PartnerLedger,
  PartnerPage,
  PartnerQuery,
  PartnerStatus,
  PaymentBatch,
  PaymentBatchRequest,
  PaymentDetails,
  PaymentPage,
  PaymentQuery,
  PayoutCsvLayout,
  AdminPayoutRequest,
  AdminPayoutRequestPage,
  PayoutRequestQuery,
  PayoutsDue,
  PayoutsDueQuery,
  RequestOptions,
} from './types.js';
import type * as T from './types.js';

/** Query parameters without the empty ones. */
const params = (query: object): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));

const enc = encodeURIComponent;

/** The key each material list comes under (`GET /email-copy` → `{ emails }`). */
const LIST_KEY: Record<AdminResourceKind, string> = { links: 'links', banners: 'banners', 'email-copy': 'emails', 'resource-pages': 'pages' };

/**
 * The admin API over HTTP with the merchant user's bearer token. It uses the same ky instance
 * setup as the partner client (`createKy` in src/api/client.ts: timeout, GET-only retries, the
 * bearer token) and the same error envelope reader; a 401 on a signed-in call ends the console
 * session.
 */
export class HttpAdminApi implements AdminApi {
  readonly #http: KyInstance;

  constructor(
    readonly baseUrl: string,
    private readonly session: AdminSession = adminSession(),
  ) {
    this.#http = createKy(`${baseUrl}/api/v1/admin/`, 30_000, session);
  }

  protected async call<T>(request: (http: KyInstance) => Promise<T>): Promise<T> {
    try {
      return await request(this.#http);
    } catch (error) {
      const failure = await apiErrorOf(error, async () => new ApiError(0, 'network_error', 'The partner server could not be reached. Check your connection and try again.'));
      // the console stays English: its own words for a timeout
      if (failure instanceof ApiError && failure.code === 'timeout') throw new ApiError(0, 'timeout', 'The server took too long to answer. Please try again.');
      throw failure;
    }
  }

  login(credentials: AdminCredentials, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('auth/login', { json: credentials, signal }).json<AdminLoginResult>());
  }

  async logout({ signal }: RequestOptions = {}) {
    if (this.session.token) await this.call((http) => http.post('auth/logout', { signal }));
  }

  me({ signal }: RequestOptions = {}) {
    return this.call((http) => http.get('auth/me', { signal }).json<AdminUser>());
  }

  partners(query: PartnerQuery, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get('partners', { searchParams: params(query), signal }).json<PartnerPage>());
  }

  partner(code: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get(`partners/${enc(code)}`, { signal }).json<PartnerDetail>());
  }

  createPartner(partner: NewPartner, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('partners', { json: partner, signal }).json<PartnerAccountDetail>());
  }

  approvePartner(code: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`partners/${enc(code)}/approve`, { signal }).json<PartnerDetail>());
  }

  rejectPartner(code: string, reason: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`partners/${enc(code)}/reject`, { json: { reason }, signal }).json<PartnerDetail>());
  }

  updatePartner(code: string, patch: { status?: PartnerStatus }, { signal }: RequestOptions = {}) {
    return this.call((http) => http.patch(`partners/${enc(code)}`, { json: patch, signal }).json<PartnerAccountDetail>());
  }

  async setPartnerPassword(code: string, password: string, { signal }: RequestOptions = {}) {
    await this.call((http) => http.put(`partners/${enc(code)}/password`, { json: { password }, signal }));
  }

  partnerLedger(code: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get(`partners/${enc(code)}/ledger`, { signal }).json<PartnerLedger>());
  }

  embedToken(partnerCode: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('embed-tokens', { json: { partnerCode }, signal }).json<EmbedTokenResult>());
  }

  async programs({ signal }: RequestOptions = {}) {
    return (await this.call((http) => http.get('programs', { signal }).json<{ programs: AdminProgram[] }>())).programs;
  }

  async currency({ signal }: RequestOptions = {}) {
    return (await this.call((http) => http.get('../portal', { signal }).json<{ currency: string }>())).currency;
  }

  commissions(query: CommissionQuery, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get('commissions', { searchParams: params(query), signal }).json<CommissionPage>());
  }

  approveCommissions(ids: number[], { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('commissions/approve', { json: { ids }, signal }).json<BatchApproveResult>());
  }

  approveCommission(id: number, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`commissions/${id}/approve`, { signal }).json<AdminCommission>());
  }

  reverseCommission(id: number, note: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`commissions/${id}/reverse`, { json: { note }, signal }).json<AdminCommission>());
  }

  // ── programs and settings ──

  async listPrograms(query: { status?: 'active' | 'archived' } = {}, { signal }: RequestOptions = {}) {
    return (await this.call((http) => http.get('programs', { searchParams: params(query), signal }).json<{ programs: T.Program[] }>())).programs;
  }

  program(id: number, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get(`programs/${id}`, { signal }).json<T.Program>());
  }

  createProgram(program: T.NewProgram, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('programs', { json: program, signal }).json<T.Program>());
  }

  updateProgram(id: number, patch: T.ProgramPatch, { signal }: RequestOptions = {}) {
    return this.call((http) => http.patch(`programs/${id}`, { json: patch, signal }).json<T.Program>());
  }

  archiveProgram(id: number, { signal }: RequestOptions = {}) {
    return this.call((http) => http.delete(`programs/${id}`, { signal }).json<T.Program>());
  }

  programExample(request: T.ProgramExampleRequest, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('programs/example', { json: request, signal }).json<T.ProgramExample>());
  }

  settings({ signal }: RequestOptions = {}) {
    return this.call((http) => http.get('settings', { signal }).json<T.MerchantSettings>());
  }

  updateSettings(patch: T.SettingsPatch, { signal }: RequestOptions = {}) {
    return this.call((http) => http.patch('settings', { json: patch, signal }).json<T.MerchantSettings>());
  }

  async adminKeys({ signal }: RequestOptions = {}) {
    return (await this.call((http) => http.get('admin-keys', { signal }).json<{ keys: T.AdminKey[] }>())).keys;
  }

  createAdminKey(name: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('admin-keys', { json: { name }, signal }).json<T.NewAdminKey>());
  }

  revokeAdminKey(id: number, { signal }: RequestOptions = {}) {
    return this.call((http) => http.delete(`admin-keys/${id}`, { signal }).json<T.AdminKey>());
  }

  async merchantUsers({ signal }: RequestOptions = {}) {
    return (await this.call((http) => http.get('merchant-users', { signal }).json<{ users: T.MerchantUser[] }>())).users;
  }

  createMerchantUser(user: T.NewMerchantUser, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('merchant-users', { json: user, signal }).json<T.MerchantUser>());
  }

  updateMerchantUser(id: number, patch: T.MerchantUserPatch, { signal }: RequestOptions = {}) {
    return this.call((http) => http.patch(`merchant-users/${id}`, { json: patch, signal }).json<T.MerchantUser>());
  }

  async deleteMerchantUser(id: number, { signal }: RequestOptions = {}) {
    await this.call((http) => http.delete(`merchant-users/${id}`, { signal }));
  }

  /** A CSV answer of `path` as a file to save (the bearer token goes with it, as with every call). */
  protected downloadCsv(path: string, query: object, fallbackName: string, { signal }: RequestOptions = {}) {
    return this.call(async (http): Promise<CsvFile> => {
      const response = await http.get(path, { searchParams: { ...params(query), format: 'csv' }, headers: { Accept: 'text/csv' }, signal, timeout: 120_000 });
      return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition'), fallbackName) };
    });
  }

  payoutsDue(query: PayoutsDueQuery = {}, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get('payouts', { searchParams: params(query), signal }).json<PayoutsDue>());
  }

  downloadPayoutsCsv(layout: PayoutCsvLayout, options: RequestOptions = {}) {
    return this.downloadCsv('payouts', { layout }, `payouts-${layout}.csv`, options);
  }

  recordPayment(partnerCode: string, amount: number, details: PaymentDetails, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('payments', { json: { partnerCode, amount, ...details }, signal }).json<AdminPayment>());
  }

  payoutRequests(query: PayoutRequestQuery, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get('payout-requests', { searchParams: params(query), signal }).json<AdminPayoutRequestPage>());
  }

  declinePayoutRequest(id: number, note: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`payout-requests/${id}/decline`, { json: { note }, signal }).json<Omit<AdminPayoutRequest, 'partner'>>());
  }

  recordPaymentBatch(batch: PaymentBatchRequest, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('payments/batch', { json: batch, signal }).json<PaymentBatch>());
  }

  payments(query: PaymentQuery, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get('payments', { searchParams: params(query), signal }).json<PaymentPage>());
  }

  dashboard(query: DashboardQuery, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get('dashboard', { searchParams: params(query), signal }).json<Dashboard>());
  }

  audit(query: AuditQuery, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get('audit', { searchParams: params(query), signal }).json<AuditPage>());
  }

  downloadAuditCsv(query: AuditQuery, options: RequestOptions = {}) {
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    return this.downloadCsv('audit', filters, 'audit-log.csv', options);
  }

  async resources<K extends AdminResourceKind>(kind: K, { signal }: RequestOptions = {}) {
    const body = await this.call((http) => http.get(kind, { signal }).json<Record<string, AdminResourceKinds[K][]>>());
    return body[LIST_KEY[kind]] ?? [];
  }

  createResource<K extends AdminResourceKind>(kind: K, input: AdminResourceInput<K>, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(kind, { json: input, signal }).json<AdminResourceKinds[K]>());
  }

  updateResource<K extends AdminResourceKind>(kind: K, id: number, patch: AdminResourceInput<K>, { signal }: RequestOptions = {}) {
    return this.call((http) => http.patch(`${kind}/${id}`, { json: patch, signal }).json<AdminResourceKinds[K]>());
  }

  async deleteResource(kind: AdminResourceKind, id: number, { signal }: RequestOptions = {}) {
    await this.call((http) => http.delete(`${kind}/${id}`, { signal }));
  }

  /** The image's bytes as the request body (sent once, like every POST). */
  uploadImage(file: Blob, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('uploads', { body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' }, signal }).json<AdminUpload>());
  }

  async deleteUpload(id: number, { signal }: RequestOptions = {}) {
    await this.call((http) => http.delete(`uploads/${id}`, { signal }));
  }

  // ── email (owner only) ──

  outbox(query: T.OutboxQuery, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get('outbox', { searchParams: params(query), signal }).json<T.OutboxPage>());
  }

  outboxMessage(id: number, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get(`outbox/${id}`, { signal }).json<T.OutboxMessageDetail>());
  }

  retryOutboxMessage(id: number, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`outbox/${id}/retry`, { signal }).json<T.OutboxMessage>());
  }

  emailSettings({ signal }: RequestOptions = {}) {
    return this.call((http) => http.get('email/settings', { signal }).json<T.EmailSettings>());
  }

  updateEmailSettings(patch: T.EmailSettingsPatch, { signal }: RequestOptions = {}) {
    return this.call((http) => http.patch('email/settings', { json: patch, signal }).json<T.EmailSettings>());
  }

  sendTestEmail(to: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('email/test', { json: { to }, signal }).json<{ id: number }>());
  }

  async emailTemplates({ signal }: RequestOptions = {}) {
    return (await this.call((http) => http.get('email/templates', { signal }).json<{ templates: T.EmailTemplate[] }>())).templates;
  }

  saveEmailTemplate(kind: T.MailKind, template: T.EmailTemplateInput, { signal }: RequestOptions = {}) {
    return this.call((http) => http.put(`email/templates/${enc(kind)}`, { json: template, signal }).json<T.EmailTemplate>());
  }

  resetEmailTemplate(kind: T.MailKind, { signal }: RequestOptions = {}) {
    return this.call((http) => http.delete(`email/templates/${enc(kind)}`, { signal }).json<T.EmailTemplate>());
  }

  previewEmailTemplate(kind: T.MailKind, template: T.EmailTemplateInput, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`email/templates/${enc(kind)}/preview`, { json: template, signal }).json<T.EmailPreview>());
  }

  // ── webhooks out (owner only) ──

  async webhooks({ signal }: RequestOptions = {}) {
    return (await this.call((http) => http.get('webhooks', { signal }).json<{ endpoints: T.WebhookEndpoint[] }>())).endpoints;
  }

  createWebhook(input: T.WebhookEndpointInput, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post('webhooks', { json: input, signal }).json<T.NewWebhookEndpoint>());
  }

  updateWebhook(id: T.WebhookId, patch: T.WebhookEndpointPatch, { signal }: RequestOptions = {}) {
    return this.call((http) => http.patch(`webhooks/${enc(String(id))}`, { json: patch, signal }).json<T.WebhookEndpoint>());
  }

  async deleteWebhook(id: T.WebhookId, { signal }: RequestOptions = {}) {
    await this.call((http) => http.delete(`webhooks/${enc(String(id))}`, { signal }));
  }

  testWebhook(id: T.WebhookId, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`webhooks/${enc(String(id))}/test`, { signal }).json<{ deliveryId: T.WebhookId }>());
  }

  webhookDeliveries(id: T.WebhookId, query: T.DeliveryQuery, { signal }: RequestOptions = {}) {
    return this.call((http) => http.get(`webhooks/${enc(String(id))}/deliveries`, { searchParams: params(query), signal }).json<T.WebhookDeliveryPage>());
  }

  resendDelivery(deliveryId: T.WebhookId, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`webhooks/deliveries/${enc(String(deliveryId))}/resend`, { signal }).json<T.WebhookDelivery>());
  }

  // ── Stripe and Shopify (owner only) ──

  integrations({ signal }: RequestOptions = {}) {
    return this.call((http) => http.get('integrations', { signal }).json<T.Integrations>());
  }

  updateIntegrations(patch: T.IntegrationsPatch, { signal }: RequestOptions = {}) {
    return this.call((http) => http.patch('integrations', { json: patch, signal }).json<T.Integrations>());
  }

  // ── a partner's coupon codes ──

  async coupons(partnerCode: string, { signal }: RequestOptions = {}) {
    return (await this.call((http) => http.get(`partners/${enc(partnerCode)}/coupons`, { signal }).json<{ coupons: T.Coupon[] }>())).coupons;
  }

  addCoupon(partnerCode: string, code: string, { signal }: RequestOptions = {}) {
    return this.call((http) => http.post(`partners/${enc(partnerCode)}/coupons`, { json: { code }, signal }).json<T.Coupon>());
  }

  async removeCoupon(partnerCode: string, code: string, { signal }: RequestOptions = {}) {
    await this.call((http) => http.delete(`partners/${enc(partnerCode)}/coupons/${enc(code)}`, { signal }));
  }
}

const clients = new WeakMap<AdminSession, Map<string, HttpAdminApi>>();

/** One client per API base URL and session on the page. */
export function adminApiFor(baseUrl: string, session: AdminSession = adminSession()): HttpAdminApi {
  let bySession = clients.get(session);
  if (!bySession) clients.set(session, (bySession = new Map()));
  let client = bySession.get(baseUrl);
  if (!client) bySession.set(baseUrl, (client = new HttpAdminApi(baseUrl, session)));
  return client;
}
