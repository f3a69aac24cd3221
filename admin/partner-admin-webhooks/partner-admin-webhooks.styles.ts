import { css } from 'lit';

/** The Webhooks section: status badges, the secret shown once, the event checkboxes, confirmations. */
export default css`
  .badge {
    display: inline-block;
    padding: 0.125rem var(--_space-s);
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge.enabled,
  .badge.delivered {
    color: var(--_success);
    background: #e8f5ec;
  }
  .badge.disabled,
  .badge.failed {
    color: var(--_danger);
    background: var(--_danger-surface);
  }
  .badge.pending {
    color: var(--_accent);
    background: var(--_subtle);
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
  code {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .url {
    overflow-wrap: anywhere;
  }
  .error-text {
    color: var(--_danger);
    overflow-wrap: anywhere;
  }
  form.wide {
    max-width: 48rem;
  }
  .switches {
    display: grid;
    gap: var(--_space-s);
    grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
  }
  label.check {
    align-items: start;
  }
  label.check input {
    margin-block-start: 0.2rem;
  }
  [part~='secret'] {
    border: 2px solid var(--_accent);
    margin-block-end: var(--_space-m);
  }
  [part~='secret']:focus {
    outline: 3px solid var(--_focus);
  }
  .confirm {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space-m);
    margin-block: var(--_space-m);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .steps {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;
