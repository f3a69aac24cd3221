import { css } from 'lit';

/** The populated view's look (partner-reports.view.ts): the tabs, the panel and the charts. */
export default css`
  [part~='tabs'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    background: transparent;
    color: var(--_text);
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    font-weight: 600;
    padding-inline: var(--_space-m);
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_accent);
    border-bottom-color: var(--_accent);
    background: var(--_subtle);
  }
  [part~='panel'] {
    display: grid;
    gap: var(--_space-m);
    min-width: 0;
  }
  [part~='panel']:focus-visible {
    outline-offset: 4px;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));
    gap: var(--_space-m);
  }
  figure {
    margin: 0;
    min-width: 0;
  }
  figcaption {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-s);
    font-weight: 600;
    font-size: 0.875em;
    margin-block-end: var(--_space-xs);
  }
  figcaption .muted {
    font-weight: 400;
  }
  svg {
    display: block;
    width: 100%;
    height: 7.5em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .clicks rect {
    fill: var(--partner-reports-chart-color, var(--_accent));
  }
  .sales rect {
    fill: var(--partner-reports-chart-secondary-color, var(--_success));
  }
  .axis {
    stroke: var(--_border);
    vector-effect: non-scaling-stroke;
  }
  .ticks {
    display: flex;
    justify-content: space-between;
    font-size: 0.8125em;
  }
  details summary {
    cursor: pointer;
    font-weight: 600;
    min-height: 2.75em;
    display: flex;
    align-items: center;
  }
  tbody tr:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
`;
