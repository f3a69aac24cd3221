import { msg } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { messageOf, type ApiError } from '../../src/api/errors.js';
import type { Me } from '../../src/api/types.js';
import { CONFIRM_PARAM, confirmEmailOnce, urlToken } from '../../src/internal/page-url.js';
import { LazyPart } from '../../src/internal/lazy-part.js';
import { NearViewportController } from '../../src/internal/near-viewport.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { errorView, loadingView, signedOutView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';

/**
 * My Profile: the partner's contact and payout details, editable, and a password change.
 * Changing the email or the payout details asks for the current password and signs the
 * partner's other devices out. Until the partner confirms their email address, the profile says
 * so, sends the confirmation again on request, and payout details cannot change. "Email
 * notifications" lets the partner choose the emails they get (new commissions at once, as a
 * daily digest or not; payments sent; the monthly statement) among those the merchant sends.
 * A page opened from an email confirmation link (`?pc_confirm=<token>`) confirms the address
 * here and says so (signed in or not).
 *
 * @tag partner-profile
 * @summary View and update contact and payout details; change password.
 *
 * @event partner-profile-saved - The partner saved their profile. `detail: { partner }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart details - The read-only details list.
 * @csspart edit-button - Switches to the form.
 * @csspart form - The profile form.
 * @csspart password - The password area: the "Change password" button, its form and the announcement.
 * @csspart password-button - "Change password": opens and closes the form (aria-expanded).
 * @csspart password-form - The password change form (hidden until the button opens it; Escape or Cancel closes it).
 * @csspart password-status - Announces a changed password (role="status").
 * @csspart status - Success messages (role="status").
 * @csspart error - Errors (role="alert").
 * @csspart spinner - The loading state.
 * @csspart email-unconfirmed - The "email not confirmed" notice with its resend button.
 * @csspart resend-button - "Send the confirmation again".
 * @csspart email-confirmation - The answer to an email confirmation link (role="status", or role="alert" when refused).
 * @csspart notifications - The "Email notifications" section.
 * @csspart notifications-toggle - The button that shows or hides the notification choices.
 * @csspart notifications-form - The notification choices.
 * @csspart notifications-unavailable - The note naming the kinds the program does not send.
 * @csspart signed-out - Shown when nobody is signed in.
 */
export class PartnerProfileElement extends PartnerElement {
  static override styles = [
    baseStyles,
    css`
      [part~='email-confirmation'] {
        margin: 0 0 var(--_space-m);
      }
      [part~='email-confirmation'].confirmed {
        color: var(--_success);
      }
    `,
  ];

  /** Heading text (default "My profile", in the page's language). */
  @property() heading?: string;

  // The populated view's state (partner-profile.view.ts): here, so it survives re-renders and stays reactive.
  /** @internal The edit form is open (once its code is here). */
  @state() editing = false;
  /** @internal */
  @state() saving = false;
  /** @internal */
  @state() saveError?: unknown;
  /** @internal */
  @state() fieldErrors: Partial<Record<string, string>> = {};
  /** @internal */
  @state() saved = '';
  /** @internal The form changes the email or payout details: it asks for the current password. */
  @state() sensitive = false;
  /** @internal */
  @state() passwordBusy = false;
  /** @internal */
  @state() passwordError?: ApiError | Error;
  /** @internal */
  @state() passwordSaved = '';
  /** @internal The password form is open (behind the "Change password" button). */
  @state() passwordOpen = false;
  /** @internal */
  @state() resend: { state: 'idle' | 'busy' | 'sent' } | { state: 'failed'; error: unknown } = { state: 'idle' };
  /** @internal The edit form's code could not be loaded. */
  @state() formLoadError?: unknown;
  /** A `?pc_confirm=` link being confirmed, confirmed, or refused. */
  @state() private confirmation?: { state: 'pending' } | { state: 'done'; email: string } | { state: 'failed'; error: unknown };

  /** The populated profile (details, edit, password, notifications), loaded while the profile loads. */
  private readonly view = new LazyPart(this, () => import('./partner-profile.view.js'), (m) => new m.ProfileView(this));

  override connectedCallback() {
    super.connectedCallback();
    const token = urlToken(CONFIRM_PARAM);
    if (token && !this.confirmation) {
      this.confirmation = { state: 'pending' };
      confirmEmailOnce(this.client, token).then(
        ({ email }) => {
          this.confirmation = { state: 'done', email };
          if (this.session.signedIn) void this.profile.run(); // emailConfirmed is now true
        },
        (error: unknown) => (this.confirmation = { state: 'failed', error }),
      );
    }
  }

  private readonly nearViewport = new NearViewportController(this);

  /** @internal The partner's profile (the view saves through it and reads it again). */
  readonly profile = new Task(this, {
    task: ([signedIn, api], { signal }) => (signedIn && api ? api.me({ signal }) : Promise.resolve(undefined)),
    // further down the page: read once the partner scrolls near it
    args: () => [this.session.signedIn && this.nearViewport.near, this.client] as const,
  });

  override render() {
    const signedIn = this.session.signedIn;
    // the view's code comes while the profile is read (which waits for the viewport)
    if (signedIn && this.nearViewport.near) this.view.want();
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.heading ?? msg('My profile')}</h2>
      ${this.renderConfirmation()}
      ${signedIn
        ? this.profile.render({
            initial: () => this.loading(),
            pending: () => (this.profile.value ? this.renderProfile(this.profile.value) : this.loading()),
            error: (e) => errorView(e, () => this.profile.run()),
            // undefined: not near the viewport yet, so not read yet
            complete: (p) => (p ? this.renderProfile(p) : this.loading()),
          })
        : signedOutView('your profile')}
    </section>`;
  }

  private renderConfirmation() {
    const c = this.confirmation;
    if (!c) return nothing;
    if (c.state === 'failed') return html`<p part="email-confirmation" role="alert">${messageOf(c.error)}</p>`;
    return html`<p part="email-confirmation" role="status" class=${c.state === 'done' ? 'confirmed' : 'notice'}>
      ${c.state === 'pending' ? msg('Confirming your email address…') : msg(html`Your email address <strong>${c.email}</strong> is confirmed. Thank you!`)}
    </p>`;
  }

  private loading() {
    return loadingView(msg('Loading your profile…'));
  }

  /** The profile, once the view's code is here too (the loading state until then). */
  private renderProfile(p: Me) {
    return this.view.render((v) => v.render(p), () => this.loading());
  }
}
