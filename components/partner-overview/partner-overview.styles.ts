import { css } from 'lit';

/**
 * Layout by container queries only (sizes in em of the element's own font, never rem): one
 * column up to a 320 px sidebar (room for a seven-figure amount), two tiles a row from 21em
 * (a phone: the figures and the link fit in the first view), four from 60em. Figures scale
 * with the container (`cqi`) and never wrap inside a number.
 */
export default css`
  :host {
    container-type: inline-size;
    max-width: var(--partner-overview-max-width, none);
  }
  [part~='base'] {
    background: var(--partner-overview-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m);
    display: grid;
    gap: var(--_space-m);
    min-width: 0;
  }
  h2 {
    margin: 0;
  }
  h3 {
    font-size: 0.9375em;
    margin: 0;
  }
  .tile h3 {
    font-size: 0.875em;
  }
  p {
    margin: 0;
  }
  .tiles {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: minmax(0, 1fr);
  }
  .pair {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: minmax(0, 1fr);
  }
  .tile,
  .card-block {
    background: var(--partner-overview-tile-background, var(--_subtle));
    border-radius: var(--_radius);
    padding: var(--_space-m);
    display: grid;
    align-content: start;
    gap: var(--_space-xs);
    min-width: 0;
  }
  .tile h3 {
    color: var(--_muted);
    font-weight: 600;
  }
  .figure {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .tile > .figure {
    font-size: var(--partner-overview-figure-size, clamp(1.125em, 6cqi, 1.75em));
    font-weight: 700;
    line-height: 1.2;
    overflow-wrap: normal;
  }
  .tile > .figure.words {
    white-space: normal;
  }
  .sub {
    color: var(--_muted);
    font-size: 0.875em;
    line-height: 1.4;
  }
  .up {
    color: var(--_success);
  }
  .down {
    color: var(--_danger);
  }
  .hint {
    font-size: 0.875em;
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: var(--_space-s);
    margin-block-start: var(--_space-xs);
  }
  .link-button {
    min-height: 2.75em;
    background: none;
    border: none;
    color: var(--_accent);
    padding: 0 var(--_space-xs);
    text-decoration: underline;
    font-weight: 600;
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .copy-row input {
    flex: 1 1 12em;
    min-width: 0;
  }
  .copy-row button {
    flex: none;
  }
  .qr-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-m);
    margin-block-start: var(--_space-s);
  }
  [part~='qr'] {
    width: var(--partner-overview-qr-size, 8em);
    height: var(--partner-overview-qr-size, 8em);
    background: #fff;
    border: 1px solid var(--_border);
  }
  [part~='recent'] ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
  }
  [part~='recent'] li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 var(--_space-s);
    border-block-end: 1px solid var(--_border);
    padding-block-end: var(--_space-xs);
  }
  [part~='recent'] .what {
    overflow-wrap: anywhere;
  }
  [part~='recent'] .type {
    font-weight: 600;
  }
  [part~='recent'] .when {
    grid-row: 2;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* an amount in a list, not a headline: body size, right-aligned, never wrapped */
  [part~='recent'] .amount {
    grid-row: 1 / span 2;
    grid-column: 2;
    align-self: center;
    display: block;
    font-size: 1em;
    font-weight: 600;
    line-height: inherit;
    text-align: end;
    white-space: nowrap;
  }
  .negative {
    color: var(--_danger);
  }
  .charts {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: minmax(0, 1fr);
  }
  .chart {
    margin: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  .chart figcaption {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-s);
    font-size: 0.875em;
  }
  .chart-title {
    font-weight: 600;
  }
  .chart svg {
    width: 100%;
    height: 4em;
    display: block;
  }
  .chart rect {
    fill: var(--partner-overview-chart-color, var(--_accent));
  }
  .chart .axis {
    stroke: var(--_border);
  }
  details summary {
    cursor: pointer;
    color: var(--_accent);
    font-weight: 600;
    min-height: 2.75em;
    display: flex;
    align-items: center;
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875em;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space-xs) var(--_space-s);
    border-block-end: 1px solid var(--_border);
    white-space: nowrap;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  [part~='getting-started'] ol {
    margin: 0;
    padding-inline-start: 1.25em;
    display: grid;
    gap: var(--_space-s);
  }
  [part~='getting-started'] li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-xs) var(--_space-m);
  }
  .done {
    color: var(--_success);
    font-weight: 600;
  }
  /* placeholders as tall as what replaces them (measured with the demo's data) */
  .skeleton {
    min-height: 9.6em;
  }
  .skeleton.link-bone {
    min-height: 13.6em;
  }
  .skeleton.recent-bone {
    min-height: 24em;
  }
  .skeleton.activity-bone {
    min-height: 12.9em;
  }
  .bone {
    display: block;
    height: 0.875em;
    border-radius: var(--_radius);
    background: var(--_border);
    opacity: 0.5;
  }
  .bone.short {
    width: 40%;
  }
  .bone.figure-bone {
    height: 1.75em;
    width: 60%;
    margin-block: var(--_space-xs);
  }
  /* a phone or a sidebar: compact, two tiles a row, the link right after them */
  @container (max-width: 36em) {
    [part~='base'] {
      padding: 0.75em;
      gap: 0.75em;
    }
    h2 {
      font-size: 1.125em;
    }
    .tile,
    .card-block {
      padding: 0.625em 0.75em;
    }
    .tile .sub {
      font-size: 0.8125em;
      line-height: 1.35;
    }
    .qr-row {
      gap: var(--_space-s) var(--_space-m);
    }
    .skeleton {
      min-height: 6.6em;
    }
    .skeleton.recent-bone {
      min-height: 30.8em;
    }
    .skeleton.activity-bone {
      min-height: 27.2em;
    }
    [part~='qr'] {
      width: var(--partner-overview-qr-size, 6em);
      height: var(--partner-overview-qr-size, 6em);
    }
  }
  @container (min-width: 21em) {
    .tiles {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--_space-s);
    }
  }
  @container (min-width: 36em) {
    [part~='base'] {
      padding: var(--_space-l);
    }
    .tiles {
      gap: var(--_space-m);
    }
    .pair {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .charts {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  @container (min-width: 60em) {
    .tiles {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
`;
