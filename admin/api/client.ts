import { ApiError, apiErrorFrom, NETWORK_ERROR_MESSAGE } from '../../src/api/errors.js';
import { createHttp, HTTPError, type Http } from '../../src/api/http.js';
import { adminSession, type AdminSession } from './session.js';
import type {
  AdminApi,
  AdminCommission,
  AdminCredentials,
  AdminLoginResult,
  AdminProgram,
  AdminUser,
  BatchApproveResult,
  CommissionPage,
  CommissionQuery,
  EmbedTokenResult,
  PartnerAccountDetail,
  PartnerDetail,
  PartnerLedger,
  PartnerPage,
  PartnerQuery,
  PartnerStatus,
  RequestOptions,
} from './types.js';

/** Query parameters without the empty ones. */
const params = (query: object): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));

const enc = encodeURIComponent;

/**
 * The admin API over HTTP with the merchant user's bearer token. It uses the same small fetch
 * wrapper as the partner client (src/api/http.ts — ky's call shape, without ky's bytes) and
 * the same error envelope reader; a 401 on a signed-in call ends the console session.
 */
export class HttpAdminApi implements AdminApi {
  readonly #http: Http;

  constructor(
    readonly baseUrl: string,
    private readonly session: AdminSession = adminSession(),
  ) {
    this.#http = createHttp({
      prefixUrl: `${baseUrl}/api/v1/admin/`,
      timeout: 30_000,
      beforeRequest: (headers) => {
        const token = this.session.token;
        if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
      },
    });
  }

  protected async call<T>(request: (http: Http) => Promise<T>): Promise<T> {
    const hadSession = this.session.token !== undefined;
    try {
      return await request(this.#http);
    } catch (error) {
      if (error instanceof HTTPError) {
        const apiError = await apiErrorFrom(error.response);
        if (apiError.status === 401 && hadSession) this.session.end();
        throw apiError;
      }
      if (error instanceof Error && error.name === 'AbortError') throw error;
      if (error instanceof Error && error.name === 'TimeoutError') throw new ApiError(0, 'timeout', 'The server took too long to answer. Please try again.');
      throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
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
