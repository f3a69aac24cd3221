import { css } from 'lit';

export default css`
  :host {
    max-width: var(--partner-login-max-width, var(--_width-form));
  }
  [part~='base'] {
    background: var(--partner-login-background, var(--_surface));
    border: 1px solid var(--partner-login-border-color, var(--_border));
    border-radius: var(--_radius);
    padding: var(--partner-login-padding, var(--_space-l));
  }
  h2 {
    font-size: var(--partner-login-title-size, var(--_title-size));
    margin: 0 0 var(--_space-m);
  }
  .password {
    display: flex;
    gap: var(--_space-xs);
  }
  .password input {
    flex: 1;
    min-width: 0;
  }
  .password button {
    flex: none;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-s);
    font-size: 0.9375em;
  }
  [part~='signed-in'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
  }
  [part~='signed-in'] p {
    margin: 0;
  }
  .code {
    color: var(--_muted);
  }
  button.link {
    min-height: 1.5em;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: inherit;
    text-decoration: underline;
  }
  [part~='status'].done,
  .confirmation {
    margin: 0;
  }
  [part~='status'].done,
  .confirmation.done {
    color: var(--_success);
    font-weight: 600;
  }
  partner-password-reset {
    max-width: none;
  }
  .confirmation + partner-password-reset {
    margin-top: var(--_space-m);
  }
  [part~='base'] > .confirmation {
    margin-bottom: var(--_space-m);
  }
`;
