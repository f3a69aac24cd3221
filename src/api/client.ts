import ky, { HTTPError, type KyInstance } from 'ky';
import { sessionStore, type SessionStore } from '../session.js';
import type { DeviceTokens } from './device-tokens.js';
import { ApiError, apiErrorFrom, networkErrorMessage, timeoutMessage } from './errors.js';
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

/** How long a read's answer is shared with the elements that ask for it again (a page's first render). */
const FRESH_MS = 2_000;

/** `answer`, or an AbortError as soon as the caller's `signal` aborts (the shared request goes on). */
function untilAborted<T>(answer: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return answer;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason ?? new DOMException('The read was cancelled', 'AbortError'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** The partner API over HTTP (ky), carrying the page session's bearer token. */
export class HttpPartnerApi implements PartnerApi {
  /** Requests that carry the session's token. */
  readonly http: KyInstance;
  /** Requests that must not (sign-in, sign-up). */
  readonly anonymous: KyInstance;

  /**
   * `devices`: where this browser's device tokens are kept (by default localStorage, through
   * src/api/device-tokens.ts, loaded with the first sign-in or sign-up).
   */
  constructor(
    readonly baseUrl: string,
    private readonly session: SessionStore = sessionStore(),
    private devices?: DeviceTokens,
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
      // why a request never got an answer: src/api/unreachable.ts, loaded only then (and when
      // even that cannot be fetched, the network is the answer)
      throw await apiErrorOf(error, () =>
        import('./unreachable.js').then(
          (m) => m.unreachable(this.baseUrl),
          () => new ApiError(0, 'network_error', networkErrorMessage()),
        ),
      );
    }
  }

  /** The page's reads by path, query and token: see {@link #get}. */
  readonly #reads = new Map<string, { answer: Promise<unknown>; settledAt?: number }>();

  /**
   * GETs `path` as the session (or `as` anonymous) and reads the JSON answer; `query` without its
   * empty values. Elements on one page ask for the same things (the programs, the partner): a read
   * in flight, or answered less than {@link FRESH_MS} ago, is shared instead of sent again. A
   * failed read is not kept; a write forgets them all.
   */
  #get<T>(path: string, options: RequestOptions, query?: object, as = this.http): Promise<T> {
    const searchParams = query && params(query);
    const key = `${as === this.http ? this.session.token : ''} ${path}?${new URLSearchParams(searchParams)}`;
    let read = this.#reads.get(key);
    if (!read || (read.settledAt !== undefined && Date.now() - read.settledAt > FRESH_MS)) {
      // not tied to one caller's signal: another element may still want the answer
      const entry: { answer: Promise<unknown>; settledAt?: number } = { answer: this.call(() => as.get(path, { searchParams }).json<T>()) };
      entry.answer.then(
        () => (entry.settledAt = Date.now()),
        () => this.#reads.get(key) === entry && this.#reads.delete(key),
      );
      this.#reads.set(key, (read = entry));
    }
    return untilAborted(read.answer as Promise<T>, options.signal);
  }

  /** POSTs (or PATCHes) `json` to `path` as the session (or `as` anonymous) and reads the JSON answer. */
  #send<T>(path: string, json: unknown, options: RequestOptions, as = this.http, method: 'post' | 'patch' = 'post'): Promise<T> {
    this.#reads.clear();
    return this.call(() => as[method](path, { json, signal: options.signal }).json<T>());
  }

  /** This browser's device tokens (loaded with the first sign-in or sign-up; if that file cannot be fetched, the sign-in goes without). */
  async #devices(): Promise<DeviceTokens | undefined> {
    return (this.devices ??= await import('./device-tokens.js').then(
      (m) => new m.DeviceTokens(),
      () => undefined,
    ));
  }

  /** Signs in, sending this browser's device token for the code and keeping the one answered. */
  async login(credentials: Credentials, options: RequestOptions = {}): Promise<LoginResult> {
    const devices = await this.#devices();
    const deviceToken = devices?.get(this.baseUrl, credentials.code);
    const result = await this.#send<LoginResult>('auth/login', deviceToken ? { ...credentials, deviceToken } : credentials, options, this.anonymous);
    devices?.set(this.baseUrl, credentials.code, result.deviceToken);
    return result;
  }

  async signup(request: SignupRequest, options: RequestOptions = {}): Promise<SignupResult> {
    const devices = await this.#devices();
    const result = await this.#send<SignupResult>('auth/signup', request, options, this.anonymous);
    devices?.set(this.baseUrl, request.code, result.deviceToken);
    return result;
  }

  exchangeEmbedToken(embedToken: string, options: RequestOptions = {}): Promise<LoginResult> {
    return this.#send('auth/embed', { embedToken }, options, this.anonymous);
  }

  async logout(options: RequestOptions = {}): Promise<void> {
    if (!this.session.token) return;
    await this.call(() => this.http.post('auth/logout', { signal: options.signal }));
  }

  me(options: RequestOptions = {}): Promise<Me> {
    return this.#get('me', options);
  }

  // Account: password reset, email confirmation, notifications

  requestPasswordReset(request: PasswordResetRequest, options: RequestOptions = {}): Promise<{ message: string }> {
    return this.#send('auth/password-reset', request, options, this.anonymous);
  }

  async confirmPasswordReset(confirm: PasswordResetConfirm, options: RequestOptions = {}): Promise<void> {
    await this.call(() => this.anonymous.post('auth/password-reset/confirm', { json: confirm, signal: options.signal }));
  }

  confirmEmail(token: string, options: RequestOptions = {}): Promise<{ email: string }> {
    return this.#send('auth/email-confirmation', { token }, options, this.anonymous);
  }

  async resendEmailConfirmation(request: { confirmUrl?: string }, options: RequestOptions = {}): Promise<void> {
    this.#reads.clear();
    await this.call(() => this.http.post('me/email-confirmation', { json: request, signal: options.signal }));
  }

  notifications(options: RequestOptions = {}): Promise<NotificationPreferences> {
    return this.#get('me/notifications', options);
  }

  updateNotifications(patch: NotificationPatch, options: RequestOptions = {}): Promise<NotificationPreferences> {
    return this.#send('me/notifications', patch, options, this.http, 'patch');
  }

  // Home: profile, programs, portal settings

  updateProfile(patch: ProfilePatch, options: RequestOptions = {}): Promise<Partner> {
    return this.#send('me', patch, options, this.http, 'patch');
  }

  async changePassword(change: { currentPassword: string; newPassword: string }, options: RequestOptions = {}): Promise<void> {
    await this.call(() => this.http.post('me/password', { json: change, signal: options.signal }));
  }

  async programs(options: RequestOptions = {}): Promise<PartnerProgram[]> {
    return (await this.#get<{ programs: PartnerProgram[] }>('partner/programs', options)).programs;
  }

  portal(options: RequestOptions = {}): Promise<Portal> {
    return this.#get('portal', options, undefined, this.anonymous);
  }

  welcome(options: RequestOptions = {}): Promise<{ merchantName: string; html: string }> {
    return this.#get('partner/welcome', options);
  }

  // resources

  links(options: RequestOptions = {}): Promise<PartnerLinks> {
    return this.#get('partner/links', options);
  }

  createLink(link: NewDeepLink, options: RequestOptions = {}): Promise<PartnerLink> {
    return this.#send('partner/links', link, options);
  }

  async banners(options: RequestOptions = {}): Promise<PartnerBanner[]> {
    return (await this.#get<{ banners: PartnerBanner[] }>('partner/banners', options)).banners;
  }

  async emailCopy(options: RequestOptions = {}): Promise<PartnerEmail[]> {
    return (await this.#get<{ emails: PartnerEmail[] }>('partner/email-copy', options)).emails;
  }

  async resources(options: RequestOptions = {}): Promise<ResourcePage[]> {
    return (await this.#get<{ pages: ResourcePage[] }>('partner/resources', options)).pages;
  }

  qrCodeUrl(url: string, format: 'svg' | 'png', options: { download?: boolean } = {}): string {
    const query = new URLSearchParams({ url });
    if (options.download) query.set('download', '1');
    return `${this.baseUrl}/api/v1/qr.${format}?${query}`;
  }

  updateLink(id: number, patch: LinkPatch, options: RequestOptions = {}): Promise<PartnerLink> {
    return this.#send(`partner/links/${id}`, patch, options, this.http, 'patch');
  }

  // ── Overview, payouts, recruiting ──
  overview(query: { timeZone?: string }, options: RequestOptions = {}): Promise<Overview> {
    return this.#get('partner/overview', options, query);
  }

  payouts(options: RequestOptions = {}): Promise<PayoutsAnswer> {
    return this.#get('partner/payouts', options);
  }

  requestPayout(options: RequestOptions = {}): Promise<PayoutRequest> {
    return this.#send('partner/payout-requests', {}, options);
  }

  cancelPayoutRequest(id: number, options: RequestOptions = {}): Promise<PayoutRequest> {
    return this.#send(`partner/payout-requests/${id}/cancel`, {}, options);
  }

  recruits(options: RequestOptions = {}): Promise<RecruitsAnswer> {
    return this.#get('partner/recruits', options);
  }

  // ── Reports ──
  ledger(query: PageQuery, options: RequestOptions = {}): Promise<LedgerPage> {
    return this.#get(REPORT_PATHS.ledger, options, query);
  }

  balance(options: RequestOptions = {}): Promise<Balance> {
    return this.#get('partner/balance', options);
  }

  commissionReport(query: PageQuery, options: RequestOptions = {}): Promise<CommissionReport> {
    return this.#get(REPORT_PATHS.commissions, options, query);
  }

  leadReport(query: PageQuery, options: RequestOptions = {}): Promise<LeadReport> {
    return this.#get(REPORT_PATHS.leads, options, query);
  }

  salesReport(query: PageQuery, options: RequestOptions = {}): Promise<SalesReport> {
    return this.#get(REPORT_PATHS.sales, options, query);
  }

  linkStats(query: LinkStatsQuery, options: RequestOptions = {}): Promise<LinkStats> {
    return this.#get(REPORT_PATHS.links, options, query);
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

const clients = new WeakMap<SessionStore, Map<string, HttpPartnerApi>>();

/** One client per API base URL and session on the page. */
export function apiFor(baseUrl: string, session: SessionStore = sessionStore()): HttpPartnerApi {
  let bySession = clients.get(session);
  if (!bySession) clients.set(session, (bySession = new Map()));
  let client = bySession.get(baseUrl);
  if (!client) bySession.set(baseUrl, (client = new HttpPartnerApi(baseUrl, session)));
  return client;
}
