import type { MerchantRole } from '../db/schema.js';

/**
 * What staff may not do, by admin API path (relative to /api/v1/admin): owners and admin keys
 * may do everything. Decided here by path, once, so routes added under these areas later are
 * covered without a word in their own files.
 */
const STAFF_REFUSED: { path: RegExp; methods: 'writes' | 'all'; why: string }[] = [
  { path: /^\/settings(\/|$)/, methods: 'writes', why: 'Only an owner can change settings' },
  { path: /^\/merchant-users(\/|$)/, methods: 'all', why: 'Only an owner can manage merchant users' },
  { path: /^\/admin-keys(\/|$)/, methods: 'all', why: 'Only an owner can manage admin API keys' },
  { path: /^\/(payments|adjustments)(\/|$)/, methods: 'writes', why: 'Only an owner can record payments and balance adjustments' },
  { path: /^\/payout-requests(\/|$)/, methods: 'writes', why: 'Only an owner can decline payout requests' },
  { path: /^\/ledger\//, methods: 'writes', why: 'Only an owner can reverse ledger entries' },
  { path: /^\/payouts(\/|$)/, methods: 'all', why: 'Only an owner can see payouts due and partners’ payout details' },
  { path: /^\/integrations(\/|$)/, methods: 'all', why: 'Only an owner can see and change the Stripe and Shopify connections (their signing secrets)' },
  { path: /^\/(outbox|email)(\/|$)/, methods: 'all', why: 'Only an owner can see the outbox and email settings (messages hold sign-in links)' },
  { path: /^\/webhooks(\/|$)/, methods: 'all', why: 'Only an owner can manage webhooks (their secrets sign what is sent)' },
];

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a user of `role` may not call `method path` (path under /api/v1/admin), or undefined when they may. */
export function refusalFor(role: MerchantRole, method: string, path: string): string | undefined {
  if (role === 'owner') return undefined;
  const rule = STAFF_REFUSED.find((r) => r.path.test(path) && (r.methods === 'all' || !READS.has(method.toUpperCase())));
  return rule && `${rule.why}; you are signed in as staff.`;
}
