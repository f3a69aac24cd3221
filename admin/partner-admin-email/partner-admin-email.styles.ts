import { css } from 'lit';

/** The Email section's views: sub-navigation, status badges, a message's parts, the template editor. */
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
  .badge.queued,
  .badge.sending {
    color: var(--_accent);
    background: var(--_subtle);
  }
  .badge.sent {
    color: var(--_success);
    background: #e8f5ec;
  }
  .badge.failed {
    color: var(--_danger);
    background: var(--_danger-surface);
  }
  .badge.kept {
    color: var(--_muted);
    background: var(--_subtle);
    border-style: dashed;
  }
  .error-text {
    color: var(--_danger);
    overflow-wrap: anywhere;
  }
  code {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: var(--_space-m);
    margin: 0;
    font-size: 0.9em;
  }
  iframe {
    width: 100%;
    min-height: 22rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: #ffffff;
  }
  .parts {
    display: grid;
    gap: var(--_space-l);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
    align-items: start;
  }
  .editor {
    display: grid;
    gap: var(--_space-l);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
    align-items: start;
  }
  .editor form {
    display: grid;
    gap: var(--_space-m);
  }
  textarea[name='body'] {
    min-height: 16rem;
    font-family: ui-monospace, monospace;
  }
  ul.placeholders {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.placeholders button {
    min-height: 2.25rem;
    padding: var(--_space-xs) var(--_space-s);
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
    font-weight: 400;
  }
  .preview {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m);
    min-width: 0;
    display: grid;
    gap: var(--_space-s);
  }
  .preview h4 {
    margin: 0;
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
  label.switch {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    font-weight: 400;
  }
  label.switch input {
    width: 2.5rem;
    min-height: 1.5rem;
    accent-color: var(--_accent);
  }
  .switches {
    display: grid;
    gap: var(--_space-xs);
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
  }
  .result {
    margin: 0;
  }
  form.settings {
    display: grid;
    gap: var(--_space-m);
    max-width: 48rem;
  }
`;
