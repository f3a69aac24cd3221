/** The shapes the partner API answers with (see /api/v1/openapi.json). */
export interface Partner {
  code: string;
  name: string;
  email: string;
  status: 'active' | 'pending' | 'disabled';
  phone?: string | null;
  company?: string | null;
  website?: string | null;
  address?: string | null;
  payoutMethod?: PayoutMethod | null;
  payoutDetails?: string | null;
  createdAt: string;
}

export type PayoutMethod = 'paypal' | 'bank_transfer' | 'check' | 'other';

/** What a partner may change of their profile; null clears an optional field. */
export type ProfilePatch = Partial<Pick<Partner, 'name' | 'email' | 'phone' | 'company' | 'website' | 'address' | 'payoutMethod' | 'payoutDetails'>>;

export interface Rate {
  type: 'percent' | 'flat';
  /** basis points (1000 = 10%) or cents */
  value: number;
}

export interface PartnerProgram {
  id: number;
  name: string;
  description: string;
  priority: number;
  currency: string;
  saleCommission: Rate;
  productRates: (Rate & { productId: string })[];
  /** cents per lead */
  leadCommission: number | null;
  recurring: { mode: 'every' | 'first_n' | 'none'; payments: number | null };
  secondTier: Rate | null;
  attributionWindowDays: number;
  attributionModel: 'first_click' | 'last_click';
  holdDays: number;
  enrolledAt: string;
}

export interface Portal {
  merchantName: string;
  currency: string;
  minimumPayout: number;
  menus: { welcome: boolean; profile: boolean; programs: boolean; commissions: boolean };
}

export interface LoginResult {
  token: string;
  /** ISO 8601 */
  expiresAt: string;
  partner: Partner;
}

export interface SignupRequest {
  name: string;
  email: string;
  code: string;
  password: string;
  acceptTerms: true;
  referrerCode?: string;
}

export interface SignupResult {
  partner: Partner;
  status: 'active' | 'pending';
  message: string;
  /** Present when the program signs new partners in at once. */
  token?: string;
  expiresAt?: string;
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
  signup(request: SignupRequest, options?: RequestOptions): Promise<SignupResult>;
  /** Trades a merchant-minted embed token for a session (once). */
  exchangeEmbedToken(embedToken: string, options?: RequestOptions): Promise<LoginResult>;
  me(options?: RequestOptions): Promise<Partner>;

  // Home: profile, programs, portal settings
  updateProfile(patch: ProfilePatch, options?: RequestOptions): Promise<Partner>;
  changePassword(change: { currentPassword: string; newPassword: string }, options?: RequestOptions): Promise<void>;
  programs(options?: RequestOptions): Promise<PartnerProgram[]>;
  portal(options?: RequestOptions): Promise<Portal>;
}
