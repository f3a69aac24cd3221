import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { MoneyNow, PeriodMoney } from '../api/types.js';

/**
 * The money words every element uses for the figures of the same name (the server defines the
 * figures once, in server/money/money-terms.ts; PRODUCT.md, "Money words"). One label per
 * figure, everywhere: never "Approved" for payable now or "On hold" for pending.
 */
export const MONEY_WORDS = {
  // getters: each word is read in the page's language when a figure renders
  get earned() {
    return msg('Earned');
  },
  get clawedBack() {
    return msg('Clawed back');
  },
  get paid() {
    return msg('Paid');
  },
  get pending() {
    return msg('Pending');
  },
  get payableNow() {
    return msg('Payable now');
  },
  get balance() {
    return msg('Balance');
  },
} satisfies Record<keyof PeriodMoney | keyof MoneyNow, string>;

export type MoneyWord = keyof typeof MONEY_WORDS;

/** How a figure moves the balance: earned adds (+), clawed back and paid take off (−); the rest are amounts. */
const SIGN: Partial<Record<MoneyWord, 1 | -1>> = { earned: 1, clawedBack: -1, paid: -1 };

/**
 * One figure of a `<dl>`, written the same way in every element: the term's label, its amount
 * signed as it moves the balance (`+$12.00`, `−$3.00`), and `data-money` naming the term.
 */
export const moneyFigure = (term: MoneyWord, amount: number, format: (minor: number, signed: boolean) => string, className = '') => {
  const sign = SIGN[term];
  return html`<div data-money=${term} class=${className}><dt>${MONEY_WORDS[term]}</dt><dd>${format(sign ? sign * amount : amount, !!sign)}</dd></div>`;
};

/** Says why the period's figures and today's may differ. */
export const periodVersusNow = (period: string) =>
  msg(str`Earned, clawed back and paid count the period shown (${period}); balance, pending and payable now are today's figures, whatever the period.`);
