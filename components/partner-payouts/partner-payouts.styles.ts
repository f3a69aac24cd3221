import { css } from 'lit';

/**
 * The populated view's layout (partner-payouts.view.ts, which brings it), by container queries
 * only (the stacked tables come from the report styles).
 */
export default css`
  .schedule {
    display: grid;
    gap: var(--_space-s);
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: var(--_space-m);
  }
  .payable {
    display: grid;
    gap: 0;
  }
  .payable .label {
    color: var(--_muted);
    font-weight: 600;
    font-size: 0.875em;
  }
  .figure {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .payable .figure {
    font-size: var(--partner-payouts-figure-size, 1.75em);
    font-weight: 700;
    line-height: 1.2;
  }
  .open-request {
    display: grid;
    gap: var(--_space-s);
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: var(--_space-m);
  }
  [part~='cannot-request']:focus {
    outline: none;
  }
  [part~='cannot-request']:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .badge.open {
    color: var(--_accent);
    border-color: currentColor;
  }
  .badge.declined {
    color: var(--_danger);
    border-color: currentColor;
  }
  [part~='note'] {
    font-style: italic;
    overflow-wrap: anywhere;
  }
  @container (min-width: 36rem) {
    .schedule {
      grid-template-columns: auto minmax(0, 1fr);
      align-items: center;
      column-gap: var(--_space-l);
    }
    .schedule > :not(.payable) {
      grid-column: 2;
    }
    .payable {
      grid-row: 1 / span 3;
    }
  }
`;
