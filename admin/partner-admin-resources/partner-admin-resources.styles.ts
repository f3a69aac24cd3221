import { css } from 'lit';

/** The Resources section: sub-navigation, the editor beside its preview, field errors. */
export default css`
  .editor {
    display: grid;
    gap: var(--_space-l);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
    align-items: start;
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  .field > label,
  legend {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m);
    margin: 0;
  }
  label.check {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    font-weight: 400;
  }
  .pair {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_space-m);
  }
  .field-error {
    color: var(--_danger);
    margin: 0;
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .preview {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m);
    min-width: 0;
  }
  .preview h4 {
    margin: 0 0 var(--_space-s);
    color: var(--_muted);
  }
  [part~='image-preview'] {
    max-width: 100%;
    height: auto;
  }
  .confirm {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space-m);
  }
  button.danger:not(.secondary) {
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .order {
    white-space: nowrap;
  }
  .order button {
    min-width: 2.75rem;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    text-decoration: none;
  }
  a.button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='announcement']:empty {
    display: none;
  }
`;
