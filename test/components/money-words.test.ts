import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/partner-ledger/partner-ledger.js';
import '../../components/partner-reports/partner-reports.js';
import type { Balance, CommissionReport, LedgerPage } from '../../src/api/types.js';
import { MONEY_WORDS, type MoneyWord } from '../../src/internal/money-words.js';
import { part, shadow, text } from '../helpers/dom.js';
import { fakeApi, signInFake } from '../helpers/fake-api.js';
import { signedOutAroundEachTest } from '../helpers/report-elements.js';

/**
 * The money words in the elements: one label per figure (PRODUCT.md, "Money words"), the same
 * figure written the same way in My Ledger and the commission report, and a note wherever a
 * figure follows the period and another does not.
 */

signedOutAroundEachTest();
beforeEach(() => signInFake());

/** One partner's money, as the server answers it in the ledger, the balance and the commission report. */
const PERIOD = { earned: 113_962, clawedBack: 1_753, paid: 78_212 };
const NOW = { balance: 34_997, pending: 9_744, payableNow: 25_253 };

function api(now: typeof NOW = NOW) {
  const base = fakeApi();
  const page: LedgerPage = {
    summary: { beginningBalance: 0, ...PERIOD, adjustments: 1_000, endingBalance: now.balance, currency: 'USD' },
    entries: [{ id: 1, date: '2026-01-10T07:00:00.000Z', type: 'commission', description: 'Commission on order A-1', amount: 500, balance: now.balance }],
    nextCursor: null,
  };
  const balance: Balance = { ...now, currency: 'USD', nextPayableAt: null, minimumPayout: 5_000, payoutReady: now.payableNow >= 5_000 };
  const report: CommissionReport = { currency: 'USD', totals: { count: 131, ...PERIOD, ...now, currency: 'USD' }, items: [], nextCursor: null };
  return { ...base, ledger: async () => page, balance: async () => balance, commissionReport: async () => report };
}

async function both(range = 'all', now = NOW) {
  const client = api(now);
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-US">
    <partner-ledger .api=${client} range=${range}></partner-ledger>
    <partner-reports .api=${client} range=${range}></partner-reports>
  </div>`);
  const ledger = wrapper.querySelector('partner-ledger')!;
  const reports = wrapper.querySelector('partner-reports')!;
  await waitUntil(() => shadow(ledger, '[data-money="payableNow"]') && shadow(reports, '[data-money="payableNow"]'), 'both show their money');
  return { ledger, reports };
}

const shown = (el: Element, term: MoneyWord) => {
  const div = shadow(el, `[data-money="${term}"]`);
  return div && { label: text(div.querySelector('dt')), value: text(div.querySelector('dd')) };
};

describe('money words in <partner-ledger> and <partner-reports>', function () {
  this.timeout(15_000);

  it('each figure has its one label and is written the same in both elements', async () => {
    const { ledger, reports } = await both();
    const expected: Record<MoneyWord, { label: string; value: string }> = {
      earned: { label: 'Earned', value: '+$1,139.62' },
      clawedBack: { label: 'Clawed back', value: '−$17.53' },
      paid: { label: 'Paid', value: '−$782.12' },
      balance: { label: 'Balance', value: '$349.97' },
      pending: { label: 'Pending', value: '$97.44' },
      payableNow: { label: 'Payable now', value: '$252.53' },
    };
    for (const term of Object.keys(MONEY_WORDS) as MoneyWord[]) {
      expect(shown(ledger, term), `ledger: ${term}`).to.deep.equal(expected[term]);
      expect(shown(reports, term), `reports: ${term}`).to.deep.equal(expected[term]);
    }
  });

  it('no element names the same money twice: no "Approved", "On hold" or "Net" figure', async () => {
    const { ledger, reports } = await both();
    for (const el of [ledger, reports]) {
      const labels = [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => text(dt));
      for (const old of ['Approved', 'On hold', 'Net', 'Commissions', 'Clawbacks', 'Payments']) {
        if (old === 'Commissions' && el === reports) continue; // the report's count of commissions, not money
        expect(labels, `${el.localName}`).not.to.include(old);
      }
    }
  });

  it('for a period, both say which figures follow it and which are today’s', async () => {
    const { ledger, reports } = await both('last-month');
    for (const el of [ledger, reports]) {
      const note = text(part(el, 'note'));
      expect(note).to.match(/^Earned, clawed back and paid count the period shown \(.+\); balance, pending and payable now are today's figures, whatever the period\./);
      expect(note).not.to.contain('(all time)');
    }
    expect(text(part(ledger, 'note'))).to.contain('The ending balance is your balance at the end of the period.');
    await expect(ledger).to.be.accessible();
    await expect(reports).to.be.accessible();
  });

  it('a refund after a payment that took more than was left shows payable now below zero, and why', async () => {
    const { ledger } = await both('all', { balance: -600, pending: 0, payableNow: -600 });
    expect(shown(ledger, 'payableNow')).to.deep.equal({ label: 'Payable now', value: '−$6.00' });
    expect(text(part(ledger, 'payout'))).to.contain('Refunds after your last payment took back more than was left: your next commissions make up the difference first.');
  });
});
