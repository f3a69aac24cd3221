import { css } from 'lit';

/** The populated view's look (partner-ledger.view.ts): today's balance and the entries. */
export default css`
  [part~='payout'] {
    display: grid;
    gap: var(--_space-xs);
    border-inline-start: 4px solid var(--partner-ledger-payout-accent, var(--_accent));
    padding-inline-start: var(--_space-m);
  }
  [part~='payout'] dl {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr));
  }
  [part~='payout'] dl > div {
    background: transparent;
    padding: 0;
  }
  .ready {
    color: var(--_success);
    font-weight: 600;
  }
  tr[data-type='clawback'] td[data-label='Type'],
  tr[data-type='payment'] td[data-label='Type'] {
    color: var(--_muted);
  }
  tbody tr:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
`;
