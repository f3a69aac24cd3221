import { css } from 'lit';

/**
 * The look shared by the report elements: toolbar with the range picker, summary figures,
 * tables that stack into labelled cards in a narrow container (down to 320 px), load-more.
 * Element tokens (`--partner-report-*`) fall back to the global `--partner-*` ones.
 */
export const reportStyles = css`
  [part~='base'] {
    container-type: inline-size;
    background: var(--partner-report-background, var(--_surface));
    border: 1px solid var(--partner-report-border-color, var(--_border));
    border-radius: var(--_radius);
    padding: var(--partner-report-padding, var(--_space-l));
    display: grid;
    gap: var(--_space-m);
    min-width: 0;
  }
  h2 {
    font-size: var(--partner-report-title-size, var(--_title-size));
    margin: 0;
  }
  h3 {
    font-size: 1em;
    margin: 0 0 var(--_space-s);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
  }
  .range,
  .range form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-s);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
    min-width: 0;
  }
  label {
    font-weight: 600;
    font-size: 0.875em;
  }
  input[type='date'] {
    width: auto;
    max-width: 100%;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0;
    max-width: 16em;
  }
  .muted {
    color: var(--_muted);
  }
  p {
    margin: 0;
  }
  [part~='status'],
  [part~='spinner'] {
    color: var(--_muted);
  }
  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  [part~='empty'],
  [part~='signed-out'] {
    padding: var(--_space-m);
    background: var(--_subtle);
    border-radius: var(--_radius);
  }

  /* Summary figures */
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10em), 1fr));
    gap: var(--_space-s);
    margin: 0;
  }
  dl > div {
    background: var(--partner-report-figure-background, var(--_subtle));
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m);
    min-width: 0;
    /* the figure's size follows its own tile (cqi), so a large amount still fits unbroken */
    container-type: inline-size;
  }
  dt {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  /* headline figures: large, and an amount never wraps inside itself */
  dd {
    margin: 0;
    font-size: var(--_figure-size);
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  dl > .total {
    background: var(--partner-report-total-background, var(--_accent));
    color: var(--partner-report-total-color, var(--_on-accent));
  }
  dl > .total dt {
    color: inherit;
  }

  /* Tables */
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  /* a table that does not stack scrolls sideways inside its own box, never the page */
  table:not(.stack) {
    display: block;
    max-width: 100%;
    overflow-x: auto;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_space-s);
  }
  th,
  td {
    text-align: start;
    padding: var(--_space-s);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    font-size: 0.8125em;
    color: var(--_muted);
    white-space: nowrap;
  }
  tbody th {
    font-weight: 400;
    white-space: nowrap;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  .negative {
    color: var(--partner-report-negative-color, var(--_danger));
  }
  .detail {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* a sentence under a number (why a sale earned nothing) wraps and reads from the start */
  .num .why {
    white-space: normal;
    text-align: start;
    min-width: 10em;
    max-width: 16em;
    margin-inline-start: auto;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-s);
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    white-space: nowrap;
  }
  .badge.approved,
  .badge.paid,
  .badge.customer {
    color: var(--_success);
    border-color: currentColor;
  }
  .badge.clawed_back,
  .badge.refunded {
    color: var(--_danger);
    border-color: currentColor;
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
  }

  /* Narrow containers: every row becomes a card of labelled values. */
  @container (max-width: 40em) {
    table.stack,
    table.stack tbody,
    table.stack tr,
    table.stack td,
    table.stack tbody th {
      display: block;
    }
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    table.stack caption {
      display: block;
    }
    table.stack tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space-xs) var(--_space-s);
      margin-block-end: var(--_space-s);
    }
    table.stack td,
    table.stack tbody th {
      display: grid;
      grid-template-columns: minmax(5.5em, 35%) minmax(0, 1fr);
      gap: var(--_space-s);
      border: 0;
      padding: var(--_space-xs) 0;
      text-align: start;
      white-space: normal;
      overflow-wrap: anywhere;
    }
    table.stack td::before,
    table.stack tbody th::before {
      /* the label is for the eye: screen readers get the real column header */
      content: attr(data-label);
      content: attr(data-label) / '';
      font-weight: 600;
      color: var(--_muted);
      font-size: 0.875em;
    }
  }
`;
