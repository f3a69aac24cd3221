import { css } from 'lit';

/** The populated view's look (partner-recruits.view.ts): the recruit link, the rates and the table. */
export default css`
  .intro,
  [part~='empty'] {
    margin: 0;
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  [part~='link'] {
    flex: 1 1 16rem;
    min-width: 0;
  }
  [part~='rates'] {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  [part~='table'] {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  [part~='table'] th,
  [part~='table'] td {
    text-align: start;
    padding: var(--_space-xs) var(--_space-s);
    border-bottom: 1px solid var(--_border);
  }
  [part~='table'] tbody th {
    font-weight: 400;
  }
  [part~='table'] .money {
    text-align: end;
    white-space: nowrap;
  }
  [part~='total'] th,
  [part~='total'] td {
    font-weight: 700;
    border-bottom: none;
  }
  /* narrow containers: tighter cells, the link field on its own line */
  @container (max-width: 24rem) {
    [part~='table'] th,
    [part~='table'] td {
      padding-inline: var(--_space-xs);
    }
    [part~='link'] {
      flex-basis: 100%;
    }
  }
`;
