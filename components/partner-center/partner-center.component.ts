import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Portal } from '../../src/api/types.js';
import { PartnerSectionChangeEvent } from '../../src/events/partner-section-change.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { noProgramView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import '../partner-banners/partner-banners.js';
import '../partner-commissions/partner-commissions.js';
import '../partner-email-copy/partner-email-copy.js';
import '../partner-ledger/partner-ledger.js';
import '../partner-links/partner-links.js';
import '../partner-login/partner-login.js';
import '../partner-profile/partner-profile.js';
import '../partner-programs/partner-programs.js';
import '../partner-reports/partner-reports.js';
import '../partner-resources/partner-resources.js';
import '../partner-welcome/partner-welcome.js';

export type Section = 'home' | 'resources' | 'reports';

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'home', label: 'Home' },
  { id: 'resources', label: 'Resources' },
  { id: 'reports', label: 'Reports' },
];

const DEFAULT_MENUS: Portal['menus'] = { welcome: true, profile: true, programs: true, commissions: true };

/**
 * The whole Referral Partner Center in one tag: Home (welcome, profile, programs, commission
 * structure — each shown or hidden by the merchant's settings), Resources (links, banners,
 * email copy, resource pages) and Reports (ledger, reports). Signed out, it shows
 * `<partner-login>`, and with it the password reset ("Forgot your password?", and the
 * "Choose a new password" form of an emailed `?pc_reset=` link) and email confirmation
 * (`?pc_confirm=`); `forgot-password-href`, `reset-href` and `signup-href` are passed on to it.
 *
 * @tag partner-center
 * @summary The complete partner portal with Home / Resources / Reports navigation.
 *
 * @event partner-section-change - The partner opened another section. `detail: { section }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart header - The bar with the program name, the partner and sign-out.
 * @csspart nav - The section navigation.
 * @csspart nav-item - Each section button.
 * @csspart section - The open section.
 * @csspart no-program - On Home, when the partner is in no program: their links earn nothing yet.
 * @csspart sign-out-button - The sign-out button.
 *
 * @cssproperty --partner-center-max-width - Widest the portal grows (default --partner-width-page, 76em).
 * @cssproperty --partner-center-header-background - Header background (default --partner-color-subtle).
 */
export class PartnerCenterElement extends PartnerElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        max-width: var(--partner-center-max-width, var(--_width-page));
      }
      /* the portal is a frame, not a card: the widgets in it are the cards */
      [part~='base'] {
        border: 0;
        padding: 0;
        background: transparent;
      }
      [part~='header'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--_space-s) var(--_space-m);
        padding: var(--_space-m);
        background: var(--partner-center-header-background, var(--_subtle));
        border-radius: var(--_radius);
      }
      h2 {
        margin: 0;
        font-size: 1.375em;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space-s) var(--_space-m);
      }
      .who p {
        margin: 0;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-xs);
        list-style: none;
        margin: var(--_space-m) 0;
        padding: 0;
        border-bottom: 1px solid var(--_border);
      }
      [part~='nav-item'] {
        background: transparent;
        color: var(--_text);
        border: 0;
        border-bottom: 3px solid transparent;
        border-radius: 0;
      }
      [part~='nav-item'][aria-current='page'] {
        border-bottom-color: var(--_accent);
        color: var(--_accent);
      }
      [part~='section'] {
        display: grid;
        gap: var(--_space-l);
      }
      .login {
        display: grid;
        gap: var(--_space-m);
        /* stretch, not start: the elements are size containers and take their width from here */
        justify-items: stretch;
      }
    `,
  ];

  /** The open section. */
  @property({ reflect: true }) section: Section = 'home';
  /** Where the sign-in's "Forgot your password?" leads (the merchant's reset page). Hidden when unset. */
  @property({ attribute: 'forgot-password-href' }) forgotPasswordHref?: string;
  /** The page an emailed reset link opens (`?pc_reset=<token>` is added); default: this page (as on `<partner-login>`). */
  @property({ attribute: 'reset-href' }) resetHref?: string;
  /** Where the sign-in's "Become a partner" leads (the merchant's sign-up page). Hidden when unset. */
  @property({ attribute: 'signup-href' }) signupHref?: string;


  private readonly portal = new Task(this, {
    task: ([api], { signal }) => api.portal({ signal }).catch(() => undefined),
    args: () => [this.client] as const,
  });

  /** On Home: the partner's programs, to say plainly when there are none. */
  private readonly programs = new Task(this, {
    task: ([token, api, home], { signal }) => (token && home ? api.programs({ signal }).catch(() => undefined) : Promise.resolve(undefined)),
    args: () => [this.session.state?.token, this.client, this.section === 'home'] as const,
  });

  override render() {
    const portal = this.portal.value;
    // until (or unless) the merchant's name arrives, plainly "Partner Center"
    const title = portal?.merchantName ? `${portal.merchantName} Partner Center` : 'Partner Center';
    const state = this.session.state;
    if (!state) {
      const api = this.client;
      return html`<div part="base" class="login">
        <h2 part="title">${title}</h2>
        <partner-login
          .api=${api} .sessionStore=${this.sessionStore}
          forgot-password-href=${ifDefined(this.forgotPasswordHref || undefined)}
          reset-href=${ifDefined(this.resetHref || undefined)}
          signup-href=${ifDefined(this.signupHref || undefined)}
        ></partner-login>
      </div>`;
    }
    return html`<div part="base">
      <header part="header">
        <h2 part="title">${title}</h2>
        <div class="who">
          <p>Signed in as <strong>${state.partner.name}</strong> (${state.partner.code})</p>
          <button part="sign-out-button" class="secondary" type="button" @click=${() => this.session.signOut(this.client, this)}>Sign out</button>
        </div>
      </header>
      <nav part="nav" aria-label="Partner Center">
        <ul>
          ${SECTIONS.map(
            (s) => html`<li>
              <button part="nav-item" type="button" aria-current=${this.section === s.id ? 'page' : 'false'} @click=${() => this.open(s.id)}>
                ${s.label}
              </button>
            </li>`,
          )}
        </ul>
      </nav>
      <section part="section" aria-label=${`Partner Center: ${SECTIONS.find((s) => s.id === this.section)!.label}`}>${this.renderSection(portal?.menus ?? DEFAULT_MENUS)}</section>
    </div>`;
  }

  private renderSection(menus: Portal['menus']) {
    // the widgets inside talk through this element's client (its api-base, or the fake in tests)
    // and share its session (the page's, or the store it was given)
    const api = this.client;
    switch (this.section) {
      case 'resources':
        return html`<partner-links .api=${api} .sessionStore=${this.sessionStore}></partner-links>
          <partner-banners .api=${api} .sessionStore=${this.sessionStore}></partner-banners>
          <partner-email-copy .api=${api} .sessionStore=${this.sessionStore}></partner-email-copy>
          <partner-resources .api=${api} .sessionStore=${this.sessionStore}></partner-resources>`;
      case 'reports':
        return html`<partner-ledger .api=${api} .sessionStore=${this.sessionStore}></partner-ledger>
          <partner-reports .api=${api} .sessionStore=${this.sessionStore}></partner-reports>`;
      default: {
        // in no program: said once, first, instead of two empty program widgets
        const inNoProgram = this.programs.value?.length === 0;
        return html`${inNoProgram ? noProgramView() : nothing}
        ${menus.welcome ? html`<partner-welcome .api=${api} .sessionStore=${this.sessionStore}></partner-welcome>` : nothing}
        ${menus.profile ? html`<partner-profile .api=${api} .sessionStore=${this.sessionStore}></partner-profile>` : nothing}
        ${menus.programs && !inNoProgram ? html`<partner-programs .api=${api} .sessionStore=${this.sessionStore}></partner-programs>` : nothing}
        ${menus.commissions && !inNoProgram ? html`<partner-commissions .api=${api} .sessionStore=${this.sessionStore}></partner-commissions>` : nothing}`;
      }
    }
  }

  /** Opens a section (Home, Resources or Reports). */
  open(section: Section) {
    if (section === this.section) return;
    this.section = section;
    this.emit(new PartnerSectionChangeEvent({ section }));
  }
}
