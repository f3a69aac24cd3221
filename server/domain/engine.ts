/**
 * The tracking and commission engine in one import, for the routes, the CLI, the demo seed and
 * other areas (reports, resources): one implementation of every money rule.
 *
 *   recordClick      GET /r/:code/:slug            clicks.ts
 *   recordLead       POST /api/v1/track/leads      leads.ts
 *   recordSale       POST /api/v1/track/sales      sales.ts
 *   recordRefund     POST /api/v1/track/refunds    sales.ts
 *   approveDueCommissions / approveCommission      approvals.ts
 *   recordPayment / recordAdjustment / reverseLedgerEntry / reversePayment / payoutsDue   payments.ts
 *   reverseCommission / listCommissions            commissions.ts
 *   partnerBalance                                 below (money-terms.ts)
 */
import type { Deps } from '../deps.js';
import { approveDueCommissions } from '../money/approvals.js';
import { moneyNow, type MoneyNow } from '../money/money-terms.js';
import { getSettings } from '../catalog/settings.js';

export { approveCommission, approveDueCommissions, settlePaid } from '../money/approvals.js';
export { findCredit, type Attribution, type Credit } from '../tracking/attribution.js';
export { recordClick, appendParam, type ClickInput, type ClickOutcome } from '../tracking/clicks.js';
export { getCommission, listCommissions, reverseCommission, maskEmail, type CommissionReason, type CommissionView } from '../money/commissions.js';
export { recordLead, type LeadInput, type LeadResult } from '../tracking/leads.js';
export { appendLedgerEntry, listLedger, type LedgerEntryView } from '../money/ledger.js';
export { moneyNow, moneyNowOf, periodMoney, type MoneyNow, type PeriodMoney } from '../money/money-terms.js';
export { createDeepLink, createLink, partnerLinkUrl } from '../catalog/links.js';
export { formatMoney, formatRate, percentOf, prorate } from '../shared/money.js';
export { createPartnerAccount, updatePartnerAccount, partnerByCode } from '../partners/partner-admin.js';
export { payoutsDue, recordAdjustment, recordPayment, reverseLedgerEntry, reversePayment, listPayments } from '../money/payments.js';
export { createProgram, updateProgram, listPrograms } from '../catalog/programs.js';
export { recordRefund, recordSale, type RefundInput, type RefundResult, type SaleInput, type SaleResult } from '../tracking/sales.js';

/**
 * A partner's balance after approving whatever finished its hold: `balance` (sum of the
 * ledger), `pending` (on hold) and `payableNow` (balance − pending).
 */
export async function partnerBalance(deps: Deps, partnerId: number): Promise<MoneyNow> {
  await approveDueCommissions(deps, { partnerId });
  return moneyNow(deps.db.kysely, partnerId, { currency: (await getSettings(deps)).currency, now: deps.clock() });
}
