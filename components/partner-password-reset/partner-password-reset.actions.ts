import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { ApiError, messageOf } from '../../src/api/errors.js';
import { PartnerPasswordResetEvent } from '../../src/events/partner-password-reset.js';
import { absoluteUrl, dropUrlParam, RESET_PARAM } from '../../src/internal/page-url.js';
import { IDS, labels, type Field, type FieldErrors, type PartnerPasswordResetElement } from './partner-password-reset.component.js';

/**
 * What <partner-password-reset> does once a form is sent: checks the fields, asks the server,
 * says what went wrong on the field it is about (or in the alert), and the steps that follow
 * ("Check your email", "Password changed"). Loaded right after the first form's render, so it is
 * not in the script tag's first download.
 */

/** "Check your email": the server's answer, the same whether or not an account matches. */
export const renderSent = (el: PartnerPasswordResetElement) =>
  html`${el.heading(msg('Check your email'))}
    <div class="stack">
      <p part="status" role="status">${el.sentMessage}</p>
      <p class="notice">${msg('The link works once and for a short time. Nothing arrived? Look in your spam folder, or ask again.')}</p>
      <div class="actions">
        <button part="button" class="secondary" type="button" @click=${() => el.show('request')}>${msg('Send the link again')}</button>
        ${el.renderBack()}
      </div>
    </div>`;

/** "Password changed" (on a page of its own; inside `<partner-login>` the sign-in says so). */
export const renderDone = (el: PartnerPasswordResetElement) =>
  html`${el.heading(msg('Password changed'))}
    <div class="stack">
      <p part="status" role="status" class="done">${msg('Password changed — sign in with your new password.')}</p>
      ${el.loginHref ? html`<a part="back-button" href=${el.loginHref}>${msg('Sign in')}</a>` : nothing}
    </div>`;

export async function requestLink(el: PartnerPasswordResetElement) {
  if (el.busy) return;
  const login = el.login.trim();
  if (await invalid(el, login ? {} : { login: msg('Enter your partner code or email address.') })) return;
  el.busy = true;
  el.error = undefined;
  try {
    const answer = await el.client.requestPasswordReset({ login, resetUrl: absoluteUrl(el.resetHref) });
    el.sentMessage = answer.message;
    el.busy = false;
    await el.show('sent');
  } catch (error) {
    await fail(el, error);
  } finally {
    el.busy = false;
  }
}

export async function setPassword(el: PartnerPasswordResetElement, form: HTMLFormElement) {
  if (el.busy || el.tokenError) return;
  const data = new FormData(form);
  const newPassword = String(data.get('newPassword') ?? '');
  const confirm = String(data.get('confirmPassword') ?? '');
  const errors: FieldErrors = {};
  if (newPassword.length < 8) errors.newPassword = msg('Use at least 8 characters for the new password.');
  else if (newPassword.length > 256) errors.newPassword = msg('Use at most 256 characters for the new password.');
  else if (newPassword !== confirm) errors.confirmPassword = msg('The two new passwords are not the same.');
  if (await invalid(el, errors)) return;
  el.busy = true;
  el.error = undefined;
  try {
    await el.client.confirmPasswordReset({ token: el.token ?? '', newPassword });
    dropUrlParam(RESET_PARAM);
    el.token = undefined;
    // the server ended every session of the partner: this page's too
    el.session.store.end('expired');
    el.busy = false;
    el.emit(new PartnerPasswordResetEvent());
    if (!el.embedded) await el.show('done');
  } catch (error) {
    await fail(el, error);
  } finally {
    el.busy = false;
  }
}

/** Field errors shown under their fields, focus on the first; true when there were any. */
async function invalid(el: PartnerPasswordResetElement, errors: FieldErrors) {
  el.fieldErrors = errors;
  const first = (Object.keys(errors) as Field[]).find((f) => errors[f]);
  if (!first) return false;
  await el.updateComplete;
  el.renderRoot.querySelector<HTMLElement>(`#${IDS[first]}`)?.focus();
  return true;
}

/** An error on its field when it names one of the form's, else in the alert (focused). */
async function fail(el: PartnerPasswordResetElement, error: unknown) {
  const field = error instanceof ApiError ? (error.field as Field | undefined) : undefined;
  if (field && field in IDS && el.renderRoot.querySelector(`#${IDS[field]}`)) {
    el.busy = false;
    await invalid(el, { [field]: messageOf(error, labels()) });
    return;
  }
  el.tokenError = error instanceof ApiError && error.code.startsWith('reset_token_');
  el.error = error instanceof Error ? error : new Error(messageOf(error));
}
