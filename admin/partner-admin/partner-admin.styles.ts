import { css } from 'lit';

export default css`
  :host {
    max-width: var(--partner-admin-max-width, 80rem);
  }
  .signin {
    max-width: 26rem;
    margin-inline: auto;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-l);
  }
  .signin form {
    display: grid;
    gap: var(--_space-m);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  .field label {
    font-weight: 600;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
    padding-block-end: var(--_space-s);
    border-bottom: 1px solid var(--_border);
  }
  header p {
    margin: 0;
  }
  nav ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    margin: var(--_space-s) 0 var(--_space-l);
    padding: 0;
  }
  nav a {
    display: inline-block;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    text-decoration: none;
    font-weight: 600;
  }
  nav a[aria-current='page'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  h1 {
    font-size: 1.25rem;
    margin: 0;
  }
`;
