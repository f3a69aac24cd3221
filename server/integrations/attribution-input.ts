import { email as emailSchema } from '../shared/validation.js';
import type { Executor } from '../db/executor.js';
import { firstKnownCoupon } from './coupons.js';

const CLICK = /^[A-Za-z0-9_-]{1,64}$/;
const TRACK_JS_CLICK = /^[a-f0-9]{32}$/;

/** The click id among these values: one shaped like track.js's first, else any usable one. */
export function pickClickId(values: (string | undefined)[]): string | undefined {
  const usable = values.filter((v): v is string => !!v && CLICK.test(v));
  return usable.find((v) => TRACK_JS_CLICK.test(v)) ?? usable[0];
}

/** A partner code as the sale schema takes it (at most 64 characters, no control characters). */
export const pickPartnerCode = (values: (string | undefined)[]) => values.find((v) => !!v && v.length <= 64 && !/[\u0000-\u001f\u007f]/.test(v));

/** The first code that is a partner's coupon, else the first that could be one (answered `unknown_coupon`). */
export async function pickCoupon(db: Executor, values: (string | undefined)[]): Promise<string | undefined> {
  const codes = values.filter((v): v is string => !!v && v.length <= 64);
  return (await firstKnownCoupon(db, codes)) ?? codes[0];
}

/** The customer as the sale schema takes it: an unusable email is left out rather than failing the sale. */
export function customerOf(address: string | undefined, name: string | undefined) {
  if (!address || !emailSchema.safeParse(address).success) return undefined;
  const trimmed = name?.trim().slice(0, 120);
  return { email: address, ...(trimmed && { name: trimmed }) };
}
