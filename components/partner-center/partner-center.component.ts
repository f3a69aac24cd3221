import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, nothing, type LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Portal } from '../../src/api/types.js';
import type { PartnerNavigateEvent } from '../../src/events/partner-navigate.js';
import type { PartnerResourceSelectEvent } from '../../src/events/partner-resource-select.js';
import { PartnerSectionChangeEvent, type PartnerSection } from '../../src/events/partner-section-change.js';
import type { PartnerTabChangeEvent } from '../../src/events/partner-tab-change.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { noProgramView } from '../../src/internal/no-program.js';
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
import '../partner-overview/partner-overview.js';
import '../partner-payouts/partner-payouts.js';
import '../partner-recruits/partner-recruits.js';
import { hashOf, isSection, normalize, parseHash, sameRoute, type Route } from './partner-center.route.js';

export type Section = PartnerSection;

/** The nav's sections, in order (labels made at render time: they are translated). */
const sectionLabel = (id: Section): string =>
  ({ home: msg('Home'), resources: msg('Resources'), reports: msg('Reports'), payouts: msg('Payouts') })[id];

const DEFAULT_MENUS: Portal['menus'] = { welcome: true, profile: true, programs: true, commissions: true };

/** Which widget of a section a view points at (its heading gets focus). */
const VIEW_TARGET: Record<string, string> = {
  'home/overview': 'partner-overview',
  'home/welcome': 'partner-welcome',
  'home/recruits': 'partner-recruits',
  'home/profile': 'partner-profile',
  'home/programs': 'partner-programs',
  'home/commissions': 'partner-commissions',
  'resources/links': 'partner-links',
  'resources/banners': 'partner-banners',
  'resources/email': 'partner-email-copy',
  'resources/pages': 'partner-resources',
  'reports/ledger': 'partner-ledger',
  'reports/commissions': 'partner-reports',
  'reports/leads': 'partner-reports',
  'reports/sales': 'partner-reports',
  'reports/links': 'partner-reports',
};

const REPORT_TABS = new Set(['commissions', 'leads', 'sales', 'links']);

/**
 * The whole Referral Partner Center in one tag: Home (overview, welcome, recruits, profile,
 * programs, commission structure — each shown or hidden by the merchant's settings), Resources
 * (links, banners, email copy, resource pages), Reports (ledger, reports) and Payouts. Signed out, it shows
 * `<partner-login>`, and with it the password reset ("Forgot your password?", and the
 * "Choose a new password" form of an emailed `?pc_reset=` link) and email confirmation
 * (`?pc_confirm=`); `forgot-password-href`, `reset-href` and `signup-href` are passed on to it.
 *
 * @tag partner-center
 * @summary The complete partner portal with Home / Resources / Reports / Payouts navigation and addresses.
 *
 * Addresses: the open section lives in the URL hash — `#/home` (`/profile`, `/programs`, …), `#/resources` (`/links`,
 * `/banners`, `/email`, `/pages/<slug>`), `#/reports` (`/ledger`, `/commissions`, `/leads`,
 * `/sales`, `/links`), `#/payouts` — so back/forward, reload and shared links work; other hashes
 * (a host's `#anchor`) are left alone. `routing="none"` keeps the address untouched. A widget
 * inside may fire `partner-navigate` (`detail: { section, view? }`) to open another section.
 *
 * @event partner-section-change - The partner opened another section or view. `detail: { section, view? }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart header - The bar with the program name, the partner and sign-out.
 * @csspart nav - The section navigation.
 * @csspart nav-item - Each section link (the open one has `aria-current="page"`).
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
        display: inline-flex;
        align-items: center;
        min-height: 2.75rem;
        padding: var(--_space-s) var(--_space-m);
        text-decoration: none;
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
      /* a phone or a sidebar: the header is one row (title and who, then a smaller sign-out), the
         nav one line (scrolls sideways, without a scrollbar, if the labels are long), less space */
      @container (max-width: 40em) {
        [part~='header'] {
          display: grid;
          grid-template-columns: minmax(0, 1fr) auto;
          align-items: center;
          gap: 0.125em var(--_space-s);
          padding: var(--_space-s) 0.75em;
        }
        [part~='header'] h2 {
          font-size: 1.0625em;
        }
        .who {
          display: contents;
        }
        .who p {
          grid-column: 1;
          font-size: var(--_small-size);
          color: var(--_muted);
          overflow-wrap: anywhere;
        }
        [part~='sign-out-button'] {
          grid-column: 2;
          grid-row: 1 / span 2;
          font-size: var(--_small-size);
          /* still a 44 px target at the smaller size */
          min-height: calc(var(--_control-height) / 0.875);
          padding-inline: 0.75em;
          white-space: nowrap;
        }
        nav ul {
          flex-wrap: nowrap;
          gap: 0;
          margin: var(--_space-s) 0 0.75em;
          overflow-x: auto;
          scrollbar-width: none;
        }
        nav ul::-webkit-scrollbar {
          display: none;
        }
        nav li {
          flex: none;
        }
        [part~='nav-item'] {
          padding-inline: 0.625em;
          white-space: nowrap;
          /* inside the link: a scrolling list would clip a ring drawn outside it */
          outline-offset: -3px;
        }
        [part~='section'] {
          gap: var(--_space-m);
        }
      }
    `,
  ];

  /** The open section: `home`, `resources`, `reports` or `payouts`. */
  @property({ reflect: true }) section: Section = 'home';
  /**
   * The view inside the section: a report (`ledger`, `commissions`, `leads`, `sales`, `links`),
   * a resource widget (`links`, `banners`, `email`) or page (`pages/<slug>`). Unset: the section's start.
   */
  @property({ reflect: true }) view?: string;
  /**
   * `hash` (default): the open section lives in the address (`#/reports/sales`), so back/forward,
   * reload and shared links work. `none`: the address is never read or changed — a host with its
   * own router sets `section`/`view` and listens to `partner-section-change`. Only one
   * `<partner-center>` on a page should route by hash.
   */
  @property() routing: 'hash' | 'none' = 'hash';
  /** Where the sign-in's "Forgot your password?" leads (the merchant's reset page). Hidden when unset. */
  @property({ attribute: 'forgot-password-href' }) forgotPasswordHref?: string;
  /** The page an emailed reset link opens (`?pc_reset=<token>` is added); default: this page (as on `<partner-login>`). */
  @property({ attribute: 'reset-href' }) resetHref?: string;
  /** Where the sign-in's "Become a partner" leads (the merchant's sign-up page). Hidden when unset. */
  @property({ attribute: 'signup-href' }) signupHref?: string;

  /** The route shown before the address named one: what an address without `#/…` goes back to. */
  #initial?: Route;
  /** After the next render, move focus: to the view's heading, or (after signing in here) to the portal's. */
  #focus?: 'view' | 'title';
  #listening = false;

  private readonly portal = new Task(this, {
    task: ([api], { signal }) => api.portal({ signal }).catch(() => undefined),
    args: () => [this.client] as const,
  });

  /** On Home: the partner's programs, to say plainly when there are none. */
  private readonly programs = new Task(this, {
    task: ([token, api, home], { signal }) => (token && home ? api.programs({ signal }).catch(() => undefined) : Promise.resolve(undefined)),
    args: () => [this.session.state?.token, this.client, this.section === 'home'] as const,
  });

  constructor() {
    super();
    // a widget inside asks to go somewhere (e.g. the overview's getting-started list)
    this.addEventListener('partner-navigate', (event: PartnerNavigateEvent) => {
      if (!isSection(event.detail?.section)) return;
      event.stopPropagation();
      const to = normalize(event.detail.section, event.detail.view);
      if (sameRoute(to, { section: this.section, view: this.view })) {
        // already there: still take the partner to it
        this.#focus = 'view';
        this.requestUpdate();
      } else this.navigate(to, { history: 'push', focus: true });
    });
  }

  private get routes() {
    return this.routing !== 'none';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#initial ??= normalize(isSection(this.section) ? this.section : 'home', this.view);
    if (this.routes) this.#listen();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#unlisten();
  }

  #listen() {
    window.addEventListener('hashchange', this.#onLocation);
    window.addEventListener('popstate', this.#onLocation);
    this.#listening = true;
    this.#follow(false);
  }

  #unlisten() {
    window.removeEventListener('hashchange', this.#onLocation);
    window.removeEventListener('popstate', this.#onLocation);
    this.#listening = false;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('section') && !isSection(this.section)) this.section = 'home';
    if (changed.has('routing') && this.isConnected && this.routes !== this.#listening) {
      if (this.routes) this.#listen();
      else this.#unlisten();
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    const focus = this.#focus;
    this.#focus = undefined;
    if (focus === 'title' && this.session.signedIn) this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
    else if (focus === 'view') void this.focusView();
  }

  /** Back, forward, a typed or shared `#/…` address. */
  #onLocation = () => this.#follow(true);

  #follow(byPartner: boolean) {
    const hash = location.hash;
    // an address without `#/…`: the start (no hash), or a host's own #anchor (left alone)
    const route = parseHash(hash) ?? (hash.length <= 1 ? this.#initial : undefined);
    if (!route) return;
    if (hash.startsWith('#/') && hashOf(route) !== hash) history.replaceState(history.state, '', hashOf(route));
    this.navigate(route, { history: 'none', focus: byPartner, emit: byPartner });
  }

  /**
   * Opens a section (and a view in it). With hash routing, the address follows (a new history
   * entry); the heading of the new view gets focus when `focus` is set.
   */
  open(section: Section, view?: string) {
    this.navigate({ section, view }, { history: 'push', focus: false });
  }

  private navigate(to: Route, { history: mode, focus, emit = true }: { history: 'push' | 'none'; focus: boolean; emit?: boolean }) {
    const route = normalize(isSection(to.section) ? to.section : 'home', to.view);
    if (sameRoute(route, { section: this.section, view: this.view })) return;
    this.section = route.section;
    this.view = route.view;
    if (this.routes && mode === 'push') history.pushState(history.state, '', hashOf(route));
    if (focus) this.#focus = 'view';
    if (emit) this.emit(new PartnerSectionChangeEvent({ ...route }));
  }

  /** The nav's links: a plain click routes here; a middle or modified click opens the address elsewhere. */
  private onNavClick(event: MouseEvent, section: Section) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.navigate({ section }, { history: 'push', focus: true });
  }

  /**
   * Moves focus to the open view's heading: the heading of the widget the view names (or of the
   * section's first widget that has one), else the section itself.
   */
  private async focusView() {
    const section = this.renderRoot.querySelector<HTMLElement>('[part~="section"]');
    if (!section) return;
    const key = this.view ? `${this.section}/${this.view.split('/')[0]}` : '';
    const named = VIEW_TARGET[key];
    const candidates = named ? [...section.querySelectorAll(named)] : [...section.children];
    for (const el of candidates) {
      if (!el.shadowRoot) continue; // not defined (yet): no heading to go to
      await (el as LitElement).updateComplete;
      const heading =
        (key === 'resources/pages' && this.view !== 'pages' ? el.shadowRoot.querySelector<HTMLElement>('[part~="page-title"]') : null) ??
        el.shadowRoot.querySelector<HTMLElement>('h1, h2, h3, [role="heading"]');
      if (!heading) continue;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return;
    }
    section.focus();
  }

  override render() {
    const portal = this.portal.value;
    // until (or unless) the merchant's name arrives, plainly "Partner Center"
    const title = portal?.merchantName ? msg(str`${portal.merchantName} Partner Center`) : msg('Partner Center');
    const state = this.session.state;
    if (!state) {
      const api = this.client;
      return html`<div part="base" class="login">
        <h2 part="title" tabindex="-1">${title}</h2>
        <partner-login
          .api=${api} .sessionStore=${this.sessionStore}
          forgot-password-href=${ifDefined(this.forgotPasswordHref || undefined)}
          reset-href=${ifDefined(this.resetHref || undefined)}
          signup-href=${ifDefined(this.signupHref || undefined)}
          @partner-login=${() => (this.#focus = 'title')}
        ></partner-login>
      </div>`;
    }
    const sections: Section[] = ['home', 'resources', 'reports', 'payouts'];
    return html`<div part="base">
      <header part="header">
        <h2 part="title" tabindex="-1">${title}</h2>
        <div class="who">
          <p>${msg(html`Signed in as <strong>${state.partner.name}</strong> (${state.partner.code})`)}</p>
          <button part="sign-out-button" class="secondary" type="button" @click=${() => this.session.signOut(this.client, this)}>${msg('Sign out')}</button>
        </div>
      </header>
      <nav part="nav" aria-label=${msg('Partner Center')}>
        <ul>
          ${sections.map(
            (id) => html`<li>
              <a part="nav-item" href=${hashOf({ section: id })} aria-current=${this.section === id ? 'page' : 'false'} @click=${(e: MouseEvent) => this.onNavClick(e, id)}
                >${sectionLabel(id)}</a
              >
            </li>`,
          )}
        </ul>
      </nav>
      <section part="section" tabindex="-1" aria-label=${msg(str`Partner Center: ${sectionLabel(this.section)}`)}>${this.renderSection(portal?.menus ?? DEFAULT_MENUS)}</section>
    </div>`;
  }

  private renderSection(menus: Portal['menus']) {
    // the widgets inside talk through this element's client (its api-base, or the fake in tests)
    // and share its session (the page's, or the store it was given)
    const api = this.client;
    const store = this.sessionStore;
    switch (this.section) {
      case 'resources': {
        const page = this.view?.startsWith('pages/') ? this.view.slice('pages/'.length) : undefined;
        return html`<partner-links .api=${api} .sessionStore=${store}></partner-links>
          <partner-banners .api=${api} .sessionStore=${store}></partner-banners>
          <partner-email-copy .api=${api} .sessionStore=${store}></partner-email-copy>
          <partner-resources
            .api=${api} .sessionStore=${store} .page=${live(page)}
            @partner-resource-select=${(e: PartnerResourceSelectEvent) => this.navigate({ section: 'resources', view: `pages/${e.detail.slug}` }, { history: 'push', focus: false })}
          ></partner-resources>`;
      }
      case 'reports': {
        const tab = this.view && REPORT_TABS.has(this.view) ? this.view : 'commissions';
        return html`<partner-ledger .api=${api} .sessionStore=${store}></partner-ledger>
          <partner-reports
            .api=${api} .sessionStore=${store} .tab=${live(tab)}
            @partner-tab-change=${(e: PartnerTabChangeEvent) => this.navigate({ section: 'reports', view: e.detail.tab }, { history: 'push', focus: false })}
          ></partner-reports>`;
      }
      case 'payouts':
        return html`<partner-payouts .api=${api} .sessionStore=${store}></partner-payouts>`;
      default: {
        // in no program: said once, first, instead of two empty program widgets
        const inNoProgram = this.programs.value?.length === 0;
        return html`<partner-overview .api=${api} .sessionStore=${store}></partner-overview>
          ${inNoProgram ? noProgramView() : nothing}
          ${menus.welcome ? html`<partner-welcome .api=${api} .sessionStore=${store}></partner-welcome>` : nothing}
          <partner-recruits .api=${api} .sessionStore=${store} signup-href=${ifDefined(this.signupHref || undefined)}></partner-recruits>
          ${menus.profile ? html`<partner-profile .api=${api} .sessionStore=${store}></partner-profile>` : nothing}
          ${menus.programs && !inNoProgram ? html`<partner-programs .api=${api} .sessionStore=${store}></partner-programs>` : nothing}
          ${menus.commissions && !inNoProgram ? html`<partner-commissions .api=${api} .sessionStore=${store}></partner-commissions>` : nothing}`;
      }
    }
  }
}
