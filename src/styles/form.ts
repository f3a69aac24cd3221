import { css } from 'lit';

/** The forms of sign-in, sign-up and the profile: stacked fields, bold labels, hints and field errors under them. */
export const formStyles = css`
  form {
    display: grid;
    gap: var(--_space-m);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  label {
    font-weight: 600;
  }
  .hint,
  .field-error {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .field-error {
    color: var(--_danger);
  }
`;
