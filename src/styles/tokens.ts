import { css } from 'lit';

/**
 * The shared look: every value goes through a `--partner-*` custom property, so a merchant
 * themes all elements from one place (e.g. `partner-login { --partner-color-accent: teal }`
 * or on `:root`).
 */
export const baseStyles = css`
  :host {
    --_accent: var(--partner-color-accent, #2c5cc5);
    --_on-accent: var(--partner-color-on-accent, #ffffff);
    --_text: var(--partner-color-text, #1d2433);
    --_muted: var(--partner-color-muted, #545d70);
    --_surface: var(--partner-color-surface, #ffffff);
    --_subtle: var(--partner-color-subtle, #f3f5f9);
    --_border: var(--partner-color-border, #c6ccd8);
    --_danger: var(--partner-color-danger, #b3261e);
    --_danger-surface: var(--partner-color-danger-surface, #fdecea);
    --_success: var(--partner-color-success, #1b6e3a);
    --_focus: var(--partner-color-focus, #1a56db);
    --_radius: var(--partner-radius, 0.5rem);
    --_space-xs: var(--partner-space-xs, 0.25rem);
    --_space-s: var(--partner-space-s, 0.5rem);
    --_space-m: var(--partner-space-m, 1rem);
    --_space-l: var(--partner-space-l, 1.5rem);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--partner-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--partner-font-size, 1rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button[disabled],
  button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: not-allowed;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    min-height: 2.75rem;
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input {
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  a {
    color: var(--_accent);
  }
  [role='alert'] {
    color: var(--_danger);
    background: var(--_danger-surface);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m);
    margin: 0;
  }
  .notice {
    color: var(--_muted);
    margin: 0;
  }
  .error-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .error-box button {
    min-height: 2.25rem;
    padding-block: var(--_space-xs);
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m) var(--_space-l);
  }
  h2,
  h3 {
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 var(--_space-m);
  }
  h3 {
    font-size: 1.0625rem;
    margin: 0 0 var(--_space-s);
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.15em;
    animation: partner-spin 0.8s linear infinite;
  }
  @keyframes partner-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;
