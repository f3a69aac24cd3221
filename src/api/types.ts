/** The shapes the partner API answers with (see /api/v1/openapi.json). */
export interface Partner {
  code: string;
  name: string;
  email: string;
  status: 'active' | 'pending' | 'disabled';
  createdAt: string;
}

export interface LoginResult {
  token: string;
  /** ISO 8601 */
  expiresAt: string;
  partner: Partner;
}

export interface Credentials {
  code: string;
  password: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * Everything the elements ask of the server. `HttpPartnerApi` talks to the real one; tests and
 * stories hand elements a fake with the same shape.
 */
export interface PartnerApi {
  login(credentials: Credentials, options?: RequestOptions): Promise<LoginResult>;
  logout(options?: RequestOptions): Promise<void>;
  me(options?: RequestOptions): Promise<Partner>;
}
