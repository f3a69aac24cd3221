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

// ── Resources: links, banners, email copy, resource pages ──────────────────────────────

/** One of the partner's tracking links. */
export interface PartnerLink {
  id: number;
  /** `merchant`: set up by the merchant for every partner; `custom`: the partner's own deep link. */
  kind: 'merchant' | 'custom';
  name: string;
  slug: string;
  destination: string;
  sub: string | null;
  /** The full tracking URL, e.g. `https://partners.example.com/r/demo/home`. */
  url: string;
  /** Clicks this partner got on it. */
  clicks: number;
  createdAt: string;
}

export interface PartnerLinks {
  links: PartnerLink[];
  /** Hosts a custom deep link may point to (`*.example.com` covers subdomains). */
  allowedDomains: string[];
}

export interface NewDeepLink {
  destination: string;
  sub?: string;
}

export interface PartnerBanner {
  id: number;
  name: string;
  imageUrl: string;
  width: number;
  height: number;
  alt: string;
  /** The partner's link the banner points to. */
  linkUrl: string;
  /** The ready snippet: `<a href="…"><img …></a>`. */
  html: string;
}

export interface PartnerEmail {
  id: number;
  name: string;
  subject: string;
  /** Plain text with the partner's link and name filled in. */
  body: string;
  linkUrl: string | null;
}

export interface ResourcePage {
  id: number;
  title: string;
  slug: string;
  /** Sanitized HTML rendered by the server from the merchant's markdown. */
  html: string;
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
  /** The merchant's welcome message as sanitized HTML. */
  welcome(options?: RequestOptions): Promise<{ merchantName: string; html: string }>;
  // resources
  links(options?: RequestOptions): Promise<PartnerLinks>;
  createLink(link: NewDeepLink, options?: RequestOptions): Promise<PartnerLink>;
  banners(options?: RequestOptions): Promise<PartnerBanner[]>;
  emailCopy(options?: RequestOptions): Promise<PartnerEmail[]>;
  resources(options?: RequestOptions): Promise<ResourcePage[]>;
  /** Where the QR code image of one of the partner's link URLs is (`download`: as a file). */
  qrCodeUrl(url: string, format: 'svg' | 'png', options?: { download?: boolean }): string;
}
