import { css } from 'lit';

export default css`
  :host {
    display: block;
    max-width: var(--partner-recruits-max-width, 48rem);
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    background: var(--partner-recruits-background, var(--_surface));
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m) var(--_space-l);
    display: grid;
    gap: var(--_space-m);
  }
  h2,
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
    [part~='base'] {
      padding: var(--_space-s) var(--_space-m);
    }
    [part~='table'] th,
    [part~='table'] td {
      padding-inline: var(--_space-xs);
    }
    [part~='link'] {
      flex-basis: 100%;
    }
  }
`;
