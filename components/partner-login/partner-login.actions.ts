import { msg } from '@lit/localize';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiError, messageOf } from '../../src/api/errors.js';
import { PartnerLoginEvent } from '../../src/events/partner-login.js';
import { confirmEmailOnce } from '../../src/internal/page-url.js';
import { labels, type FieldErrors, type PartnerLoginElement } from './partner-login.component.js';

/** The parts of the reset forms, styled through this element's `::part()` rules as if they were its own. */
const RESET_PARTS = 'base, title, form, label, input, button, error, status, back-button, new-link-button';

/**
 * What <partner-login> does when the form is sent: checks the fields, signs in, and says what
 * went wrong on the field it is about (or locks the code for the time the server says). Loaded
 * right after the form's first render, so it is not in the script tag's first download.
 */
export async function signIn(el: PartnerLoginElement) {
  if (el.busy || el.locked) return;
  const code = el.codeInput?.value.trim() ?? '';
  const password = el.passwordInput?.value ?? '';
  const fieldErrors: FieldErrors = {};
  if (!code) fieldErrors.code = msg('Enter your partner code.');
  if (!password) fieldErrors.password = msg('Enter your password.');
  el.fieldErrors = fieldErrors;
  if (fieldErrors.code || fieldErrors.password) {
    (fieldErrors.code ? el.codeInput : el.passwordInput)?.focus();
    return;
  }
  el.busy = true;
  el.error = undefined;
  el.notice = '';
  try {
    const result = await el.client.login({ code, password });
    el.session.store.start(result);
    el.emit(new PartnerLoginEvent({ partner: result.partner }));
    await el.updateComplete;
    el.focus();
  } catch (error) {
    if (el.passwordInput) el.passwordInput.value = '';
    if (error instanceof ApiError && error.status === 429) {
      // the wait belongs to this code; the message is drawn from the lock, not the error
      el.error = undefined;
      lockFor(el, code, error.retryAfter ?? 60);
      el.busy = false;
      await el.updateComplete;
      el.errorBox?.focus();
      return;
    }
    if (error instanceof ApiError && (error.field === 'code' || error.field === 'password')) {
      // said once, on the field it is about
      el.fieldErrors = { [error.field]: messageOf(error, labels()) };
      el.busy = false;
      await el.updateComplete;
      (error.field === 'code' ? el.codeInput : el.passwordInput)?.focus();
      return;
    }
    el.error = error instanceof Error ? error : new Error(messageOf(error));
  } finally {
    el.busy = false;
  }
}

/** The server refused this code for `seconds`: the form counts down before it may be tried again. */
function lockFor(el: PartnerLoginElement, code: string, seconds: number) {
  el.now = Date.now();
  el.locks = new Map(el.locks).set(code.toLowerCase(), el.now + seconds * 1000);
  el.countDown();
}

/** "Forgot your password?": the request form, focus on its field (prefilled with the code typed here). */
export async function forgotPassword(el: PartnerLoginElement) {
  el.resetting = true;
  el.notice = '';
  if (!(await el.loadResetForms())) return;
  await el.updateComplete;
  const forms = el.resetForms;
  if (!forms) return;
  forms.login = el.code.trim();
  await forms.show('request');
}

/** The new password is set: back to the sign-in, which says so and takes focus. */
export async function resetDone(el: PartnerLoginElement) {
  el.code = '';
  await backToSignIn(el, msg('Password changed — sign in with your new password.'));
}

/** Back from the reset forms to the sign-in form, with `notice` above it; focus on the form. */
export async function backToSignIn(el: PartnerLoginElement, notice: string) {
  el.resetting = false;
  el.notice = notice;
  el.error = undefined;
  el.fieldErrors = {};
  await el.updateComplete;
  el.focus();
}

/** Signs out here and everywhere the session is shared; focus goes back to the form. */
export async function signOut(el: PartnerLoginElement) {
  el.busy = true;
  await el.session.signOut(el.client, el);
  el.busy = false;
  await el.updateComplete;
  el.codeInput?.focus();
}

/** The page came from an email confirmation link (`?pc_confirm=`): confirms it (once per page) and says how that went. */
export async function confirmEmail(el: PartnerLoginElement, token: string) {
  try {
    const { email } = await confirmEmailOnce(el.client, token);
    el.confirmation = { state: 'done', email };
  } catch (error) {
    el.confirmation = { state: 'failed', error };
  }
}

/** The reset forms (<partner-password-reset>, defined by then) in place of the sign-in form. */
export function resetForms(el: PartnerLoginElement) {
  return html`<partner-password-reset
    exportparts=${RESET_PARTS}
    .api=${el.client}
    .sessionStore=${el.sessionStore}
    reset-href=${ifDefined(el.resetHref || undefined)}
    .embedded=${true}
    @partner-password-reset=${() => resetDone(el)}
    @partner-back-to-sign-in=${() => backToSignIn(el, '')}
  ></partner-password-reset>`;
}
