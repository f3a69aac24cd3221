import { css } from 'lit';

/** What the console's sections share beyond the partner elements' tokens: toolbars, tables, forms. */
export const adminStyles = css`
  h2 {
    font-size: 1.375rem;
    margin: 0 0 var(--_space-m);
  }
  h3 {
    font-size: 1.0625rem;
    margin: var(--_space-l) 0 var(--_space-s);
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-s) var(--_space-m);
    margin-block-end: var(--_space-m);
  }
  .toolbar label,
  .stacked label {
    display: grid;
    gap: var(--_space-xs);
    font-weight: 600;
  }
  /* select and textarea look like inputs through baseStyles */
  textarea {
    width: 100%;
    min-height: 5rem;
  }
  .stacked {
    display: grid;
    gap: var(--_space-s);
    max-width: 32rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space-s);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .muted,
  .detail {
    color: var(--_muted);
  }
  .detail {
    display: block;
    font-size: 0.875em;
  }
  .status {
    font-weight: 600;
  }
  dl.figures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m) var(--_space-l);
    margin: 0;
  }
  dl.figures dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  dl.figures dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-xs) var(--_space-m);
    margin: 0;
  }
  dl.facts dt {
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
  }
  [part~='announcement']:empty {
    display: none;
  }
  [part~='announcement'] {
    color: var(--_success);
    margin: 0 0 var(--_space-s);
  }
  /* a section's sub-navigation (Resources, Email): one link per view, the current one filled */
  nav.sub ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    list-style: none;
    margin: 0 0 var(--_space-m);
    padding: 0;
  }
  nav.sub a {
    display: inline-block;
    padding: var(--_space-xs) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_accent);
    font-weight: 600;
    text-decoration: none;
  }
  nav.sub a[aria-current='page'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  nav.sub a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
