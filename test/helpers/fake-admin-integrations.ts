/**
 * The Stripe/Shopify and coupon parts of the fake admin API (issue 13, HOOKS-CONTRACT.md):
 * integrations configured from the environment or the settings (secrets never given back; a
 * secret set from the console replaces the settings one, `null` clears it, the environment one
 * stays), and partners' coupon codes — 2–64 characters of `[A-Za-z0-9_-]`, unique across
 * partners compared case-insensitively (409 `coupon_taken`). Integrations are owner only.
 */
import type { AdminCouponsApi, AdminIntegrationsApi, AdminRole, Coupon, Integrations } from '../../admin/api/types.js';
import { ApiError } from '../../src/api/errors.js';

export interface FakeIntegrationsOptions {
  role?: AdminRole;
  /** where each secret comes from at start (default: Stripe from the settings, Shopify none) */
  stripeFrom?: 'env' | 'settings' | null;
  shopifyFrom?: 'env' | 'settings' | null;
  /** coupon codes by partner code (default: {@link partnerCoupons}) */
  coupons?: Record<string, Coupon[]>;
}

type Answer = <T>(method: keyof AdminIntegrationsApi | keyof AdminCouponsApi, args: unknown[], produce: () => T) => Promise<T>;

const BASE = 'https://partners.example.com';

export const partnerCoupons: Record<string, Coupon[]> = {
  ann: [
    { code: 'ANN10', createdAt: '2026-02-01T09:00:00.000Z' },
    { code: 'SPRING-ANN', createdAt: '2026-02-20T09:00:00.000Z' },
  ],
  bob: [{ code: 'BOB20', createdAt: '2026-02-03T09:00:00.000Z' }],
};

const COUPON = /^[A-Za-z0-9_-]{2,64}$/;

export function fakeIntegrationsApi(options: FakeIntegrationsOptions, answer: Answer): AdminIntegrationsApi & AdminCouponsApi {
  const env = { stripe: options.stripeFrom === 'env', shopify: options.shopifyFrom === 'env' };
  const saved = { stripe: (options.stripeFrom === undefined ? 'settings' : options.stripeFrom) === 'settings', shopify: options.shopifyFrom === 'settings' };
  const coupons = new Map(Object.entries(options.coupons ?? partnerCoupons).map(([code, list]) => [code, list.map((c) => ({ ...c }))]));

  const state = (name: 'stripe' | 'shopify') => ({
    configured: saved[name] || env[name],
    from: saved[name] ? ('settings' as const) : env[name] ? ('env' as const) : null,
    webhookUrl: `${BASE}/api/v1/integrations/${name}/webhook`,
  });
  const integrations = (): Integrations => ({ stripe: state('stripe'), shopify: state('shopify') });
  const ownerAnswer: Answer = (method, args, produce) =>
    answer(method, args, () => {
      if (options.role === 'staff') throw new ApiError(403, 'forbidden', 'Only an owner can see or change the Stripe and Shopify settings.');
      return produce();
    });

  return {
    integrations: () => ownerAnswer('integrations', [], integrations),
    updateIntegrations: (patch) =>
      ownerAnswer('updateIntegrations', [patch], () => {
        for (const [name, field] of [['stripe', 'stripeWebhookSecret'], ['shopify', 'shopifyWebhookSecret']] as const) {
          const value = patch[field];
          if (value === undefined) continue;
          if (typeof value === 'string' && value.trim().length < 8) throw new ApiError(400, 'invalid_request', `${field}: is too short to be a signing secret`, field);
          if (name === 'stripe' && typeof value === 'string' && !value.trim().startsWith('whsec_')) {
            throw new ApiError(400, 'invalid_request', `${field}: a Stripe signing secret starts with whsec_`, field);
          }
          saved[name] = value !== null;
        }
        return integrations();
      }),
    coupons: (partnerCode) => answer('coupons', [partnerCode], () => (coupons.get(partnerCode) ?? []).map((c) => ({ ...c }))),
    addCoupon: (partnerCode, code) =>
      answer('addCoupon', [partnerCode, code], () => {
        if (!COUPON.test(code)) throw new ApiError(400, 'invalid_request', 'code: 2 to 64 letters, digits, - or _', 'code');
        for (const [owner, list] of coupons) {
          if (list.some((c) => c.code.toLowerCase() === code.toLowerCase())) {
            throw new ApiError(409, 'coupon_taken', owner === partnerCode ? `${partnerCode} has the code ${code} already` : `The code ${code} belongs to another partner`, 'code');
          }
        }
        const coupon = { code, createdAt: new Date().toISOString() };
        coupons.set(partnerCode, [...(coupons.get(partnerCode) ?? []), coupon]);
        return { ...coupon };
      }),
    removeCoupon: (partnerCode, code) =>
      answer('removeCoupon', [partnerCode, code], () => {
        const list = coupons.get(partnerCode) ?? [];
        if (!list.some((c) => c.code === code)) throw new ApiError(404, 'not_found', `${partnerCode} has no code ${code}`);
        coupons.set(partnerCode, list.filter((c) => c.code !== code));
      }),
  };
}
