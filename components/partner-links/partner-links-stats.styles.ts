import { css } from 'lit';

/** The links' figures, the period picker, rename and disable (issue 14): laid out by the element's own width. */
export default css`
  :host {
    container-type: inline-size;
  }
  .period {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-s) var(--_space-m);
    margin-block-end: var(--_space-m);
  }
  .period .range {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: end;
  }
  [part~='stats-loading'],
  [part~='stats-error'] {
    margin: 0;
  }
  [part~='stats'] {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--_space-xs) var(--_space-m);
    margin: 0;
  }
  @container (min-width: 32rem) {
    [part~='stats'] {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
  [part~='stats'] dt {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  [part~='stats'] dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part~='link'].disabled {
    border-style: dashed;
  }
  [part~='link'].disabled h3 {
    color: var(--_muted);
  }
  [part~='disabled-badge'] {
    font-size: 0.75rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding-inline: var(--_space-xs);
  }
  .disabled-note {
    margin: 0;
    font-size: 0.875em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  [part~='rename-form'],
  [part~='confirm'] {
    display: grid;
    gap: var(--_space-s);
  }
  [part~='confirm'] p,
  [part~='link-error'] {
    margin: 0;
  }
`;
