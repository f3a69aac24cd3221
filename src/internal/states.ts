import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { messageOf } from '../api/errors.js';

/** The deliberate renderings every data element shares: signed out, loading, error. */
export const signedOutView = (what: string) => html`<p part="signed-out" class="notice">${msg(str`Sign in to see ${what}.`)}</p>`;

export const loadingView = (label = msg('Loading…')) =>
  html`<p part="spinner" role="status" class="notice"><span class="spinner" aria-hidden="true"></span> ${label}</p>`;

export const errorView = (error: unknown, retry?: () => void) =>
  html`<div part="error" role="alert" class="error-box">
    <span>${messageOf(error)}</span>
    ${retry ? html`<button type="button" class="secondary" @click=${retry}>${msg('Try again')}</button>` : nothing}
  </div>`;
