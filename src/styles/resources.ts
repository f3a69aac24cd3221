import { css } from 'lit';

/** Shared look of the Resources elements (links, banners, email copy, resource pages). */
export const resourceStyles = css`
  [part~='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-l);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
    margin-block-end: var(--_space-m);
  }
  h2 {
    font-size: var(--_title-size);
    margin: 0;
  }
  h3 {
    font-size: 1.0625em;
    margin: 0;
  }
  [part~='empty'],
  [part~='signed-out'],
  [part~='spinner'] {
    color: var(--_muted);
    margin: 0;
  }
  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  label,
  .label {
    font-weight: 600;
  }
  .help {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0;
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    align-items: stretch;
  }
  .copy-row > input,
  .copy-row > textarea {
    flex: 1 1 14em;
    min-width: 0;
  }
  textarea {
    font: 0.875em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    color: var(--_text);
    background: var(--_subtle);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-s);
    width: 100%;
    resize: vertical;
  }
  input[readonly] {
    background: var(--_subtle);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
  }
  button[data-copy='copied'] {
    background: var(--_success);
    border-color: var(--_success);
    color: var(--_on-success);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    font-weight: 600;
    text-decoration: none;
  }
`;
