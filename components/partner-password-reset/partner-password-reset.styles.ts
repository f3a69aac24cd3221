import { css } from 'lit';

/** The card of <partner-login>: a merchant who themed the sign-in gets the same look here. */
export default css`
  :host {
    max-width: var(--partner-password-reset-max-width, var(--partner-login-max-width, var(--_width-form)));
  }
  [part~='base'] {
    background: var(--partner-password-reset-background, var(--partner-login-background, var(--_surface)));
    border: 1px solid var(--partner-password-reset-border-color, var(--partner-login-border-color, var(--_border)));
    border-radius: var(--_radius);
    padding: var(--partner-password-reset-padding, var(--partner-login-padding, var(--_space-l)));
  }
  h2 {
    font-size: var(--partner-login-title-size, var(--_title-size));
    margin: 0 0 var(--_space-m);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .stack {
    display: grid;
    gap: var(--_space-m);
  }
  .intro {
    margin: 0;
  }
  [part~='status'] {
    margin: 0;
  }
  [part~='status'].done {
    color: var(--_success);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }
`;
