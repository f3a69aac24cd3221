import ky, { HTTPError, type KyInstance } from 'ky';
import { sessionStore, type SessionStore } from '../session.js';
import { ApiError, apiErrorFrom, networkErrorMessage, originNotAllowedMessage, timeoutMessage } from './errors.js';
import type {
  Balance,
  CommissionReport,
  Credentials,
  CsvFile,
  LeadReport,
  LedgerPage,
  LinkStats,
  LinkPatch,
  LinkStatsQuery,
  Overview,
  PayoutRequest,
  PayoutsAnswer,
  RecruitsAnswer,
  LoginResult,
  Me,
  NewDeepLink,
  NotificationPatch,
  NotificationPreferences,
  PageQuery,
  Partner,
  PartnerApi,
  PartnerBanner,
  PartnerEmail,
  PartnerLink,
  PartnerLinks,
  PartnerProgram,
  PasswordResetConfirm,
  PasswordResetRequest,
  Portal,
  ProfilePatch,
  ReportName,
  RequestOptions,
  ResourcePage,
  SalesReport,
  SignupRequest,
  SignupResult,
} from './types.js';

/** Query parameters without the empty ones. */
const params = (query: object): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));

const REPORT_PATHS: Record<ReportName, string> = {
  ledger: 'partner/ledger',
  commissions: 'partner/reports/commissions',
  leads: 'partner/reports/leads',
  sales: 'partner/reports/sales',
  links: 'partner/reports/links',
};

/** The file name of a Content-Disposition header (`attachment; filename="x.csv"`). */
export function filenameOf(disposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  let name = match?.[1] ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // a stray % stays as it is
  }
  name = name.replace(/[\\/]/g, '_').trim();
  return name || fallback;
}

/**
 * The device tokens this browser got from sign-ins, per API and partner code, in localStorage
 * (they outlive the session). A browser that sends the token of an earlier sign-in is not
 * locked out by strangers guessing the partner's password.
 */
export class DeviceTokens {
  static readonly KEY = 'partner-center:devices';
  #memory: Record<string, string> = {};

  /** `storage`: where the tokens are kept; `null` keeps them in memory only. */
  constructor(private readonly storage: Storage | null = safeLocalStorage()) {}

  get(baseUrl: string, code: string): string | undefined {
    return this.#read()[`${baseUrl}|${code.toLowerCase()}`];
  }

  set(baseUrl: string, code: string, token: string | undefined) {
    if (!token) return;
    this.#memory = { ...this.#read(), [`${baseUrl}|${code.toLowerCase()}`]: token };
    try {
      this.storage?.setItem(DeviceTokens.KEY, JSON.stringify(this.#memory));
    } catch {
      // storage full or blocked: remembered for this page only
    }
  }

  #read(): Record<string, string> {
    try {
      const value: unknown = JSON.parse(this.storage?.getItem(DeviceTokens.KEY) ?? 'null');
      return value && typeof value === 'object' ? (value as Record<string, string>) : this.#memory;
    } catch {
      return this.#memory;
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // sandboxed iframes throw on access
  }
}

/** What {@link createKy} needs of a session: its bearer token, and a way to end it. */
export interface TokenSession {
  readonly token: string | undefined;
  end(reason?: 'expired'): void;
}

/** Answers a GET may be retried after (ky's defaults less 413; POST and PATCH are never retried). */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/**
 * The ky instance both clients (partner and console) use: `prefixUrl`, a timeout, JSON
 * `Accept`, and
 * - `retry`: idempotent reads only — GET, at most twice, after a network failure or a
 *   408/429/5xx, honouring a short `Retry-After` (a lockout longer than 5 s is not waited for);
 *   POST, PATCH, PUT and DELETE are sent once;
 * - `beforeRequest`: the session's bearer token (unless the request carries its own);
 * - `afterResponse`: a 401 to a request that carried the session's current token ends the
 *   session (`expired`), so every element signed in with it returns to the sign-in form.
 * Without a `session`, requests go out anonymous (sign-in, sign-up, public settings).
 */
export function createKy(prefixUrl: string, timeout: number, session?: TokenSession): KyInstance {
  const bearer = () => (session?.token ? `Bearer ${session.token}` : undefined);
  return ky.create({
    prefixUrl,
    timeout,
    headers: { Accept: 'application/json' },
    retry: {
      limit: 2,
      methods: ['get'],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: 5_000,
      backoffLimit: 2_000,
      shouldRetry: ({ error }) => {
        if (!(error instanceof HTTPError)) return undefined;
        const after = Number(error.response.headers.get('Retry-After'));
        return after > 5 ? false : undefined;
      },
    },
    hooks: {
      beforeRequest: [
        (request) => {
          const token = bearer();
          if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', token);
        },
      ],
      afterResponse: [
        (request, _options, response) => {
          const token = bearer();
          if (response.status === 401 && token && request.headers.get('Authorization') === token) session!.end('expired');
        },
      ],
    },
  });
}

/**
 * ky's failures as the ApiError the elements show: an HTTP error's envelope, ky's timeout as
 * `timeout`; a caller's cancel stays an AbortError. Anything else (the fetch itself failed)
 * goes to `unreachable`.
 */
export async function apiErrorOf(error: unknown, unreachable: () => Promise<ApiError>): Promise<unknown> {
  if (error instanceof HTTPError) return apiErrorFrom(error.response);
  if (error instanceof ApiError || (error instanceof Error && error.name === 'AbortError')) return error;
  if (error instanceof Error && error.name === 'TimeoutError') return new ApiError(0, 'timeout', timeoutMessage());
  return unreachable();
}

/** The partner API over HTTP (ky), carrying the page session's bearer token. */
export class HttpPartnerApi implements PartnerApi {
  /** Requests that carry the session's token. */
  readonly http: KyInstance;
  /** Requests that must not (sign-in, sign-up). */
  readonly anonymous: KyInstance;

  constructor(
    readonly baseUrl: string,
    private readonly session: SessionStore = sessionStore(),
    private readonly devices = new DeviceTokens(),
  ) {
    const prefixUrl = `${baseUrl}/api/v1/`;
    this.anonymous = createKy(prefixUrl, 20_000);
    this.http = createKy(prefixUrl, 20_000, session);
  }

  /** Runs a request, turning every failure into an ApiError (a 401 on a signed-in call has ended the session: see {@link createKy}). */
  protected async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw await apiErrorOf(error, () => this.unreachable());
    }
  }

  /**
   * Why a request never got an answer. fetch says only "TypeError: Failed to fetch", both when
   * the server is down and when it refuses this page's origin (CORS). When the API is on
   * another origin, a `no-cors` request (which CORS does not block) tells them apart: if the
   * server answers that, it is up and the origin is the problem — which the partner cannot
   * fix, so they are told the page cannot reach it, and the site's developer is told in the
   * console which origin to allow.
   */
  private async unreachable(): Promise<ApiError> {
    const api = new URL(this.baseUrl).origin;
    const page = globalThis.location?.origin;
    if (page && page !== api && globalThis.navigator?.onLine !== false) {
      const answers = await fetch(`${this.baseUrl}/api/v1/health`, { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(5_000) }).then(
        () => true,
        () => false,
      );
      if (answers) {
        reportRefusedOrigin(api, page);
        return new ApiError(0, 'origin_not_allowed', originNotAllowedMessage());
      }
    }
    return new ApiError(0, 'network_error', networkErrorMessage());
  }

  /** Signs in, sending this browser's device token for the code and keeping the one answered. */
  async login(credentials: Credentials, options: RequestOptions = {}): Promise<LoginResult> {
    const deviceToken = this.devices.get(this.baseUrl, credentials.code);
    const json = deviceToken ? { ...credentials, deviceToken } : credentials;
    const result = await this.call(() => this.anonymous.post('auth/login', { json, signal: options.signal }).json<LoginResult>());
    this.devices.set(this.baseUrl, credentials.code, result.deviceToken);
    return result;
  }

  async signup(request: SignupRequest, options: RequestOptions = {}): Promise<SignupResult> {
    const result = await this.call(() => this.anonymous.post('auth/signup', { json: request, signal: options.signal }).json<SignupResult>());
    this.devices.set(this.baseUrl, request.code, result.deviceToken);
    return result;
  }

  exchangeEmbedToken(embedToken: string, options: RequestOptions = {}): Promise<LoginResult> {
    return this.call(() => this.anonymous.post('auth/embed', { json: { embedToken }, signal: options.signal }).json<LoginResult>());
  }

  async logout(options: RequestOptions = {}): Promise<void> {
    if (!this.session.token) return;
    await this.call(() => this.http.post('auth/logout', { signal: options.signal }));
  }

  me(options: RequestOptions = {}): Promise<Me> {
    return this.call(() => this.http.get('me', { signal: options.signal }).json<Me>());
  }

  // Account: password reset, email confirmation, notifications

  requestPasswordReset(request: PasswordResetRequest, options: RequestOptions = {}): Promise<{ message: string }> {
    return this.call(() => this.anonymous.post('auth/password-reset', { json: request, signal: options.signal }).json<{ message: string }>());
  }

  async confirmPasswordReset(confirm: PasswordResetConfirm, options: RequestOptions = {}): Promise<void> {
    await this.call(() => this.anonymous.post('auth/password-reset/confirm', { json: confirm, signal: options.signal }));
  }

  confirmEmail(token: string, options: RequestOptions = {}): Promise<{ email: string }> {
    return this.call(() => this.anonymous.post('auth/email-confirmation', { json: { token }, signal: options.signal }).json<{ email: string }>());
  }

  async resendEmailConfirmation(request: { confirmUrl?: string }, options: RequestOptions = {}): Promise<void> {
    await this.call(() => this.http.post('me/email-confirmation', { json: request, signal: options.signal }));
  }

  notifications(options: RequestOptions = {}): Promise<NotificationPreferences> {
    return this.call(() => this.http.get('me/notifications', { signal: options.signal }).json<NotificationPreferences>());
  }

  updateNotifications(patch: NotificationPatch, options: RequestOptions = {}): Promise<NotificationPreferences> {
    return this.call(() => this.http.patch('me/notifications', { json: patch, signal: options.signal }).json<NotificationPreferences>());
  }

  // Home: profile, programs, portal settings

  updateProfile(patch: ProfilePatch, options: RequestOptions = {}): Promise<Partner> {
    return this.call(() => this.http.patch('me', { json: patch, signal: options.signal }).json<Partner>());
  }

  async changePassword(change: { currentPassword: string; newPassword: string }, options: RequestOptions = {}): Promise<void> {
    await this.call(() => this.http.post('me/password', { json: change, signal: options.signal }));
  }

  async programs(options: RequestOptions = {}): Promise<PartnerProgram[]> {
    const body = await this.call(() => this.http.get('partner/programs', { signal: options.signal }).json<{ programs: PartnerProgram[] }>());
    return body.programs;
  }

  portal(options: RequestOptions = {}): Promise<Portal> {
    return this.call(() => this.anonymous.get('portal', { signal: options.signal }).json<Portal>());
  }

  welcome(options: RequestOptions = {}): Promise<{ merchantName: string; html: string }> {
    return this.call(() => this.http.get('partner/welcome', { signal: options.signal }).json<{ merchantName: string; html: string }>());
  }

  // resources

  links(options: RequestOptions = {}): Promise<PartnerLinks> {
    return this.call(() => this.http.get('partner/links', { signal: options.signal }).json<PartnerLinks>());
  }

  createLink(link: NewDeepLink, options: RequestOptions = {}): Promise<PartnerLink> {
    return this.call(() => this.http.post('partner/links', { json: link, signal: options.signal }).json<PartnerLink>());
  }

  async banners(options: RequestOptions = {}): Promise<PartnerBanner[]> {
    return (await this.call(() => this.http.get('partner/banners', { signal: options.signal }).json<{ banners: PartnerBanner[] }>())).banners;
  }

  async emailCopy(options: RequestOptions = {}): Promise<PartnerEmail[]> {
    return (await this.call(() => this.http.get('partner/email-copy', { signal: options.signal }).json<{ emails: PartnerEmail[] }>())).emails;
  }

  async resources(options: RequestOptions = {}): Promise<ResourcePage[]> {
    return (await this.call(() => this.http.get('partner/resources', { signal: options.signal }).json<{ pages: ResourcePage[] }>())).pages;
  }

  qrCodeUrl(url: string, format: 'svg' | 'png', options: { download?: boolean } = {}): string {
    const query = new URLSearchParams({ url });
    if (options.download) query.set('download', '1');
    return `${this.baseUrl}/api/v1/qr.${format}?${query}`;
  }

  updateLink(id: number, patch: LinkPatch, options: RequestOptions = {}): Promise<PartnerLink> {
    return this.call(() => this.http.patch(`partner/links/${id}`, { json: patch, signal: options.signal }).json<PartnerLink>());
  }

  // ── Overview, payouts, recruiting ──
  overview(query: { timeZone?: string }, options: RequestOptions = {}): Promise<Overview> {
    return this.call(() => this.http.get('partner/overview', { searchParams: params(query), signal: options.signal }).json<Overview>());
  }

  payouts(options: RequestOptions = {}): Promise<PayoutsAnswer> {
    return this.call(() => this.http.get('partner/payouts', { signal: options.signal }).json<PayoutsAnswer>());
  }

  requestPayout(options: RequestOptions = {}): Promise<PayoutRequest> {
    return this.call(() => this.http.post('partner/payout-requests', { json: {}, signal: options.signal }).json<PayoutRequest>());
  }

  cancelPayoutRequest(id: number, options: RequestOptions = {}): Promise<PayoutRequest> {
    return this.call(() => this.http.post(`partner/payout-requests/${id}/cancel`, { json: {}, signal: options.signal }).json<PayoutRequest>());
  }

  recruits(options: RequestOptions = {}): Promise<RecruitsAnswer> {
    return this.call(() => this.http.get('partner/recruits', { signal: options.signal }).json<RecruitsAnswer>());
  }

  // ── Reports ──
  ledger(query: PageQuery, options: RequestOptions = {}): Promise<LedgerPage> {
    return this.call(() => this.http.get(REPORT_PATHS.ledger, { searchParams: params(query), signal: options.signal }).json<LedgerPage>());
  }

  balance(options: RequestOptions = {}): Promise<Balance> {
    return this.call(() => this.http.get('partner/balance', { signal: options.signal }).json<Balance>());
  }

  commissionReport(query: PageQuery, options: RequestOptions = {}): Promise<CommissionReport> {
    return this.call(() => this.http.get(REPORT_PATHS.commissions, { searchParams: params(query), signal: options.signal }).json<CommissionReport>());
  }

  leadReport(query: PageQuery, options: RequestOptions = {}): Promise<LeadReport> {
    return this.call(() => this.http.get(REPORT_PATHS.leads, { searchParams: params(query), signal: options.signal }).json<LeadReport>());
  }

  salesReport(query: PageQuery, options: RequestOptions = {}): Promise<SalesReport> {
    return this.call(() => this.http.get(REPORT_PATHS.sales, { searchParams: params(query), signal: options.signal }).json<SalesReport>());
  }

  linkStats(query: LinkStatsQuery, options: RequestOptions = {}): Promise<LinkStats> {
    return this.call(() => this.http.get(REPORT_PATHS.links, { searchParams: params(query), signal: options.signal }).json<LinkStats>());
  }

  downloadCsv(report: ReportName, query: LinkStatsQuery, options: RequestOptions = {}): Promise<CsvFile> {
    return this.call(async () => {
      const response = await this.http.get(REPORT_PATHS[report], {
        searchParams: { ...params(query), format: 'csv' },
        headers: { Accept: 'text/csv' },
        signal: options.signal,
        timeout: 120_000,
      });
      return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition'), `${report}.csv`) };
    });
  }
}

const reported = new Set<string>();

/** Tells the site's developer, once per page and server, which origin the server must allow. */
function reportRefusedOrigin(api: string, page: string) {
  if (reported.has(`${api} ${page}`)) return;
  reported.add(`${api} ${page}`);
  console.error(`[partner-center] ${api} does not allow requests from ${page} (CORS): add ${page} to the server's ALLOWED_ORIGINS (ALLOWED_ORIGINS=${page}) or to its allowedOrigins setting.`);
}

const clients = new WeakMap<SessionStore, Map<string, HttpPartnerApi>>();

/** One client per API base URL and session on the page. */
export function apiFor(baseUrl: string, session: SessionStore = sessionStore()): HttpPartnerApi {
  let bySession = clients.get(session);
  if (!bySession) clients.set(session, (bySession = new Map()));
  let client = bySession.get(baseUrl);
  if (!client) bySession.set(baseUrl, (client = new HttpPartnerApi(baseUrl, session)));
  return client;
}
