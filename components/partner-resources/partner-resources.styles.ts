import { css } from 'lit';

/** The populated view's look (partner-resources.view.ts): the page list and the open page. */
export default css`
  .layout {
    display: grid;
    gap: var(--_space-l);
    grid-template-columns: var(--partner-resources-nav-width, 14em) minmax(0, 1fr);
    align-items: start;
  }
  @container (max-width: 40em) {
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
    font-size: var(--_title-size);
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
    font-size: 1.125em;
  }
  .content h5,
  .content h6 {
    font-size: 1em;
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
    border-radius: 0.25em;
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
  /* merchant tables scroll sideways inside their own box in a narrow container */
  .content table {
    border-collapse: collapse;
    display: block;
    max-width: 100%;
    overflow-x: auto;
  }
  .content th,
  .content td {
    border: 1px solid var(--_border);
    padding: var(--_space-xs) var(--_space-s);
    text-align: start;
  }
`;
