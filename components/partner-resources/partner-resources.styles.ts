import { css } from 'lit';

export default css`
  :host {
    max-width: var(--partner-resources-max-width, 60rem);
  }
  .layout {
    display: grid;
    gap: var(--_space-l);
    grid-template-columns: var(--partner-resources-nav-width, 14rem) minmax(0, 1fr);
    align-items: start;
  }
  @media (max-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  [part~='nav'] ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  [part~='page-button'] {
    width: 100%;
    text-align: start;
    background: transparent;
    color: var(--_accent);
    border-color: transparent;
    font-weight: 600;
  }
  [part~='page-button'][aria-current='true'] {
    background: var(--_subtle);
    color: var(--_text);
    border-color: var(--_border);
  }
  [part~='page-title'] {
    font-size: 1.25rem;
    margin: 0 0 var(--_space-m);
  }
  [part~='page-title']:focus {
    outline: none;
  }
  [part~='page-title']:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .content {
    overflow-wrap: anywhere;
  }
  .content > :first-child {
    margin-top: 0;
  }
  .content h4,
  .content h5,
  .content h6 {
    margin: var(--_space-l) 0 var(--_space-s);
    line-height: 1.3;
  }
  .content h4 {
    font-size: 1.125rem;
  }
  .content h5,
  .content h6 {
    font-size: 1rem;
  }
  .content img {
    max-width: 100%;
    height: auto;
  }
  .content pre,
  .content code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    background: var(--_subtle);
    border-radius: 0.25rem;
  }
  .content code {
    padding: 0.1em 0.3em;
  }
  .content pre {
    padding: var(--_space-s) var(--_space-m);
    overflow: auto;
  }
  .content pre code {
    padding: 0;
    background: none;
  }
  .content blockquote {
    margin: 0;
    padding-inline-start: var(--_space-m);
    border-inline-start: 4px solid var(--_border);
    color: var(--_muted);
  }
  .content table {
    border-collapse: collapse;
    width: 100%;
  }
  .content th,
  .content td {
    border: 1px solid var(--_border);
    padding: var(--_space-xs) var(--_space-s);
    text-align: start;
  }
`;
