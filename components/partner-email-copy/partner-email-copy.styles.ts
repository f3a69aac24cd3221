import { css } from 'lit';

/** The populated view's look (partner-email-copy.view.ts): the list of emails. */
export default css`
  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-l);
  }
  [part~='email'] {
    display: grid;
    gap: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m);
  }
  .part {
    display: grid;
    gap: var(--_space-xs);
  }
  .part-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  [part~='subject'] {
    margin: 0;
    font-weight: 600;
  }
  [part~='subject'],
  [part~='body'] {
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m);
    overflow-wrap: anywhere;
  }
  [part~='body'] {
    white-space: pre-wrap;
    max-height: var(--partner-email-copy-body-max-height, 20em);
    overflow: auto;
  }
`;
