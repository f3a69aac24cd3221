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
  me(options?: RequestOptions): Promise<Partner>;
  // resources
  links(options?: RequestOptions): Promise<PartnerLinks>;
  createLink(link: NewDeepLink, options?: RequestOptions): Promise<PartnerLink>;
  banners(options?: RequestOptions): Promise<PartnerBanner[]>;
  emailCopy(options?: RequestOptions): Promise<PartnerEmail[]>;
  resources(options?: RequestOptions): Promise<ResourcePage[]>;
  /** Where the QR code image of one of the partner's link URLs is (`download`: as a file). */
  qrCodeUrl(url: string, format: 'svg' | 'png', options?: { download?: boolean }): string;
}
