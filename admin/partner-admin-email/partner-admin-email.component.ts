import { html, nothing } from 'lit';
import { baseStyles } from '../../src/styles/tokens.js';
import { adminStyles } from '../internal/admin-styles.js';
import { formStyles } from '../internal/form-fields.js';
import type { PartnerAdminNavigateEvent, SectionRoute } from '../internal/route.js';
import { SectionElement } from '../internal/section-element.js';
import styles from './partner-admin-email.styles.js';

const VIEWS = [
  { name: 'outbox', label: 'Outbox' },
  { name: 'templates', label: 'Templates' },
  { name: 'sending', label: 'Sending' },
] as const;
type View = (typeof VIEWS)[number]['name'];

/**
 * The program's email, for owners (the outbox holds sign-in links, so staff neither see the
 * section in `<partner-admin>` nor get its data): the **Outbox** (`#/email/outbox?status=failed`,
 * a message at `#/email/outbox/42`), the **Templates** (`#/email/templates/password_reset`) and
 * how email is **Sending** (`#/email/sending`): SMTP server, From address, the notification
 * address, which kinds are sent, and a test message.
 *
 * @tag partner-admin-email
 * @summary The console's Email section: outbox, templates and sending settings.
 *
 * @event partner-admin-navigate - The view changed. `detail: { path, params, replace }`.
 *
 * @csspart nav - The sub-navigation (Outbox, Templates, Sending).
 * @csspart view - The open view's element (`<partner-admin-outbox>`, `<partner-admin-email-templates>`, `<partner-admin-email-settings>`).
 * @csspart owner-only - Said to staff: only an owner may use this section.
 * @csspart signed-out - Nobody is signed in.
 */
export class PartnerAdminEmailElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, formStyles, styles];

  private get view(): View {
    return VIEWS.find((v) => v.name === this.route.path[0])?.name ?? 'outbox';
  }

  /** The open view's part of the route (`['42']` for `#/email/outbox/42`). */
  private get viewRoute(): SectionRoute {
    return { path: this.route.path.slice(1), params: this.route.params };
  }

  override async focusHeading() {
    const child = this.renderRoot.querySelector<SectionElement>('[part~="view"]');
    if (!child) return super.focusHeading();
    await child.updateComplete;
    child.focusHeading();
  }

  override render() {
    const heading = html`<h2 tabindex="-1">Email</h2>`;
    if (!this.signedIn) return html`${heading}${this.signedOutView()}`;
    if (this.signedIn.user.role !== 'owner') {
      return html`${heading}
        <p part="owner-only" class="notice">
          Only an owner can see the outbox, the email templates and how email is sent (messages hold sign-in links); you are signed in as staff.
        </p>`;
    }
    const view = this.view;
    return html`${heading}
      <nav part="nav" class="sub" aria-label="Email">
        <ul>
          ${VIEWS.map(
            (v) => html`<li><a href="#/email/${v.name}" aria-current=${v.name === view ? 'page' : nothing} @click=${(e: Event) => this.go(e, v.name)}>${v.label}</a></li>`,
          )}
        </ul>
      </nav>
      ${this.renderView(view)}`;
  }

  private renderView(view: View) {
    const route = this.viewRoute;
    const common = { api: this.client, session: this.session };
    if (view === 'templates') {
      return html`<partner-admin-email-templates part="view" .api=${common.api} .adminSession=${common.session} .route=${route} @partner-admin-navigate=${this.onViewNavigate}></partner-admin-email-templates>`;
    }
    if (view === 'sending') {
      return html`<partner-admin-email-settings part="view" .api=${common.api} .adminSession=${common.session} .route=${route} @partner-admin-navigate=${this.onViewNavigate}></partner-admin-email-settings>`;
    }
    return html`<partner-admin-outbox part="view" .api=${common.api} .adminSession=${common.session} .route=${route} @partner-admin-navigate=${this.onViewNavigate}></partner-admin-outbox>`;
  }

  private go(e: Event, view: View) {
    e.preventDefault();
    if (view === this.view && this.route.path.length <= 1) return void this.focusHeading();
    this.navigate([view], {});
  }

  /** A view moved within itself (its path is relative to it; `['..', 'outbox', '7']` leaves it). */
  private onViewNavigate = (e: PartnerAdminNavigateEvent) => {
    if (e.target === this) return;
    e.stopPropagation();
    const { path, params, replace } = e.detail;
    this.navigate(path[0] === '..' ? path.slice(1) : [this.view, ...path], params, { replace });
  };
}
