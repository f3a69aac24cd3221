import { csvLine, csvNumber, csvText } from '../shared/csv.js';
import { toDecimal } from '../shared/money.js';
import type { PayoutDueInFull } from './payouts-due.js';
import type { PayoutCsvLayout } from './schemas.js';

/**
 * The payouts due as a file to pay them with, in one of three layouts, amounts in major units
 * with the currency's digits (`toDecimal`: 1234.56, JPY 1235):
 *
 *   standard  the CLI's `payouts due --csv` columns, with a header row (UTF-8 BOM for Excel)
 *   paypal    PayPal Payouts Web: no header row; recipient (the PayPal email of the payout
 *             details, else the partner's email), amount, currency, customer ID (the partner's
 *             code), note, wallet (PAYPAL); one currency per file, at most 5,000 rows
 *   wise      Wise batch payments ("send to bank accounts"/"send by email" template): name,
 *             recipientEmail, paymentReference, receiverType (PERSON), amountCurrency (target:
 *             the partner gets the exact amount), amount, sourceCurrency, targetCurrency, IBAN
 *             (the payout details when they are an IBAN, else empty: Wise then asks the partner
 *             by email)
 *
 * PayPal and Wise read the first bytes as data, so their files have no byte order mark.
 */
export const STANDARD_PAYOUT_HEADER = ['code', 'name', 'email', 'amount', 'currency', 'payout_method', 'payout_details'];
export const WISE_PAYOUT_HEADER = ['name', 'recipientEmail', 'paymentReference', 'receiverType', 'amountCurrency', 'amount', 'sourceCurrency', 'targetCurrency', 'IBAN'];

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** The payout details as an IBAN without spaces, or '' when they are not one. */
export function ibanOf(details: string | null): string {
  const compact = (details ?? '').replace(/[\s-]/g, '').toUpperCase();
  return IBAN.test(compact) ? compact : '';
}

/** The PayPal recipient: the payout details when they are an email, else the partner's email. */
export function paypalRecipientOf(p: Pick<PayoutDueInFull, 'payoutDetails' | 'email'>): string {
  const details = p.payoutDetails?.trim() ?? '';
  return EMAIL.test(details) ? details : p.email;
}

/** The rows of one layout (no line ends); `header` null for PayPal's header-less file. */
export function payoutCsvRows(due: PayoutDueInFull[], currency: string, layout: PayoutCsvLayout, note: string): { header: string[] | null; rows: string[][] } {
  const amount = (p: PayoutDueInFull) => csvNumber(toDecimal(p.amount, currency));
  switch (layout) {
    case 'standard':
      return {
        header: STANDARD_PAYOUT_HEADER,
        rows: due.map((p) => [csvText(p.partnerCode), csvText(p.name), csvText(p.email), amount(p), currency, csvText(p.payoutMethod ?? ''), csvText(p.payoutDetails ?? '')]),
      };
    case 'paypal':
      return { header: null, rows: due.map((p) => [csvText(paypalRecipientOf(p)), amount(p), currency, csvText(p.partnerCode), csvText(note), 'PAYPAL']) };
    case 'wise':
      return {
        header: WISE_PAYOUT_HEADER,
        rows: due.map((p) => [csvText(p.name), csvText(p.email), csvText(note), 'PERSON', 'target', amount(p), currency, currency, ibanOf(p.payoutDetails)]),
      };
  }
}

/** The whole file: CRLF lines, a BOM only on the standard layout. */
export function payoutCsv(due: PayoutDueInFull[], currency: string, layout: PayoutCsvLayout, note: string): string {
  const { header, rows } = payoutCsvRows(due, currency, layout, note);
  const lines = (header ? [header.map(csvText), ...rows] : rows).map(csvLine).join('');
  return layout === 'standard' ? `\uFEFF${lines}` : lines;
}
