/**
 * Why an attributed sale earns its partner no direct commission (stored with the sale and shown
 * in the partner's sales report; noCommissionReason in commissions.ts decides it):
 *   self_referral        the partner bought themself
 *   no_program           the partner is in no active program
 *   link_programs        the link is limited to programs that do not cover these products (or that the partner is not in)
 *   outside_window       the programs that cover these products no longer count a click this old
 *   product_not_covered  none of the partner's programs covers these products
 *   product_excluded     the deciding program pays 0 on these products
 *   recurring_ended      the program does not pay on this payment of the subscription
 *   zero_amount          the commission rounds to nothing (a sale of 0, a tiny amount)
 * A module of its own, without imports, because the answers' schemas (and through them the
 * browser's types) are built from it.
 */
export const NO_COMMISSION_REASONS = [
  'self_referral',
  'no_program',
  'link_programs',
  'outside_window',
  'product_not_covered',
  'product_excluded',
  'recurring_ended',
  'zero_amount',
] as const;
export type NoCommissionReason = (typeof NO_COMMISSION_REASONS)[number];
