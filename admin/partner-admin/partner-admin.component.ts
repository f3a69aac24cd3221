import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ApiError, messageOf } from '../../src/api/errors.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { AdminElement } from '../internal/admin-element.js';
import { EMPTY_ROUTE, parseHash, toHash, type AdminRoute, type PartnerAdminNavigateEvent } from '../internal/route.js';
import type { SectionElement } from '../internal/section-element.js';
import { SECTIONS, type Section } from '../sections.js';
import styles from './partner-admin.styles.js';

/** A merchant user signed in here. */
export class PartnerAdminLoginEvent extends Event {
  constructor(readonly detail: { email: string; role: string }) {
    super('partner-admin-login', { bubbles: true, composed: true });
  }
}

/** The merchant user signed out here. */
export class PartnerAdminLogoutEvent extends Event {
  constructor(readonly detail: { email: string }) {
    super('partner-admin-logout', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-admin-login': PartnerAdminLoginEvent;
    'partner-admin-logout': PartnerAdminLogoutEvent;
  }
}

/**
 * The merchant console: email + password sign-in, then the sections of the console (those
 * whose elements are defined on the page) with the view in the URL hash
 * (`#/partners?q=ann`, `#/partners/ann`), so back/forward and reload work.
 *
 * @tag partner-admin
 * @summary The merchant console: sign-in, navigation of sections, sign-out.
 *
 * @event partner-admin-login - A merchant user signed in. `detail: { email, role }`.
 * @event partner-admin-logout - The merchant user signed out. `detail: { email }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading of the sign-in form.
 * @csspart form - The sign-in form.
 * @csspart error - The sign-in error or lockout (role="alert").
 * @csspart button - The sign-in button.
 * @csspart nav - The sections' navigation.
 * @csspart user - Who is signed in.
 * @csspart sign-out-button - The sign-out button.
 * @csspart section - The open section's element.
 *
 * @cssproperty --partner-admin-max-width - Widest the console grows (default 80rem).
 */
export class PartnerAdminElement extends AdminElement {
  static override styles = [baseStyles, styles];

  /** The console's name in its header. */
  @property() heading = 'Partner Center console';

  @state() private route: AdminRoute = { section: '', ...EMPTY_ROUTE };
  @state() private busy = false;
  @state() private error?: unknown;
  @state() private fieldErrors: { email?: string; password?: string } = {};
  /** Epoch ms until which sign-in is locked (429). */
  @state() private lockedUntil = 0;
  @state() private now = Date.now();

  @query('#email') private emailInput?: HTMLInputElement;
  @query('#password') private passwordInput?: HTMLInputElement;
  @query('[part~="error"]') private errorBox?: HTMLElement;
  @query('[part~="section"]') private sectionElement?: SectionElement;

  #abort?: AbortController;
  #timer?: ReturnType<typeof setInterval>;

  override connectedCallback() {
    super.connectedCallback();
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    this.route = parseHash(location.hash);
    window.addEventListener('popstate', () => this.#followUrl(), { signal });
    window.addEventListener('hashchange', () => this.#followUrl(), { signal });
    this.addEventListener('partner-admin-navigate', (e) => this.#onNavigate(e), { signal });
    // sections defined later (other bundles) join the navigation when they arrive
    for (const s of SECTIONS) if (!customElements.get(s.tag)) void customElements.whenDefined(s.tag).then(() => this.requestUpdate());
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#abort?.abort();
    clearInterval(this.#timer);
  }

  /** The sections defined on this page that the signed-in user's role may use, in menu order. */
  get sections(): Section[] {
    const owner = this.signedIn?.user.role === 'owner';
    return SECTIONS.filter((s) => customElements.get(s.tag) && (owner || !s.ownerOnly));
  }

  private get current(): Section | undefined {
    const available = this.sections;
    return available.find((s) => s.name === this.route.section) ?? available[0];
  }

  override render() {
    const session = this.signedIn;
    return html`<div part="base">${session ? this.renderConsole(session.user.email, session.user.role) : this.renderSignIn()}</div>`;
  }

  private renderConsole(email: string, role: string) {
    const current = this.current;
    const sectionRoute = current && current.name === this.route.section ? { path: this.route.path, params: this.route.params } : EMPTY_ROUTE;
    return html`<header>
        <h1>${this.heading}</h1>
        <p part="user">Signed in as <strong>${email}</strong> (${role})</p>
        <button part="sign-out-button" class="secondary" type="button" ?disabled=${this.busy} @click=${this.signOut}>Sign out</button>
      </header>
      <nav part="nav" aria-label="Console sections">
        <ul>
          ${this.sections.map(
            (s) => html`<li><a href=${toHash({ section: s.name, path: [], params: {} })} aria-current=${s === current ? 'page' : nothing}>${s.label}</a></li>`,
          )}
        </ul>
      </nav>
      <main>
        ${current
          ? staticHtml`<${unsafeStatic(current.tag)} part="section" .api=${this.client} .adminSession=${this.session} .route=${sectionRoute}></${unsafeStatic(current.tag)}>`
          : html`<p part="empty" class="notice">No console section is loaded on this page.</p>`}
      </main>`;
  }

  private get waitSeconds() {
    return Math.max(0, Math.ceil((this.lockedUntil - this.now) / 1000));
  }

  private renderSignIn() {
    const wait = this.waitSeconds;
    const { email: emailError, password: passwordError } = this.fieldErrors;
    return html`<section class="signin" aria-labelledby="title">
      <h2 id="title" part="title" tabindex="-1">Console sign-in</h2>
      <form part="form" novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
        ${wait
          ? html`<p part="error" role="alert" tabindex="-1">
              Too many attempts. Try again in <span role="timer">${Math.floor(wait / 60)}:${String(wait % 60).padStart(2, '0')}</span>.
            </p>`
          : this.error
            ? html`<p part="error" role="alert" tabindex="-1">${messageOf(this.error)}</p>`
            : nothing}
        <div class="field">
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            aria-invalid=${emailError ? 'true' : 'false'}
            aria-describedby=${emailError ? 'email-error' : nothing}
          />
          ${emailError ? html`<p class="field-error" id="email-error">${emailError}</p>` : nothing}
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid=${passwordError ? 'true' : 'false'}
            aria-describedby=${passwordError ? 'password-error' : nothing}
          />
          ${passwordError ? html`<p class="field-error" id="password-error">${passwordError}</p>` : nothing}
        </div>
        <button part="button" type="submit" aria-disabled=${this.busy || wait ? 'true' : 'false'}>
          ${this.busy ? html`<span class="spinner" aria-hidden="true"></span> Signing in…` : 'Sign in'}
        </button>
      </form>
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('error' as keyof PartnerAdminElement) && this.error) this.errorBox?.focus();
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || this.waitSeconds) return;
    const email = this.emailInput?.value.trim() ?? '';
    const password = this.passwordInput?.value ?? '';
    this.fieldErrors = { ...(email ? {} : { email: 'Enter your email.' }), ...(password ? {} : { password: 'Enter your password.' }) };
    if (!email || !password) {
      (!email ? this.emailInput : this.passwordInput)?.focus();
      return;
    }
    this.busy = true;
    this.error = undefined;
    try {
      const result = await this.client.login({ email, password });
      this.session.start(result);
      this.emit(new PartnerAdminLoginEvent({ email: result.user.email, role: result.user.role }));
      await this.#focusView();
    } catch (error) {
      if (this.passwordInput) this.passwordInput.value = '';
      if (error instanceof ApiError && error.status === 429) {
        this.#lockFor(error.retryAfter ?? 60);
        this.busy = false;
        await this.updateComplete;
        this.errorBox?.focus();
        return;
      }
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  #lockFor(seconds: number) {
    this.now = Date.now();
    this.lockedUntil = this.now + seconds * 1000;
    clearInterval(this.#timer);
    this.#timer = setInterval(() => {
      this.now = Date.now();
      if (this.now >= this.lockedUntil) clearInterval(this.#timer);
    }, 1000);
  }

  private async signOut() {
    const email = this.signedIn?.user.email ?? '';
    this.busy = true;
    try {
      await this.client.logout();
    } catch {
      // already expired or offline: the session still ends here
    }
    this.session.end();
    this.busy = false;
    this.emit(new PartnerAdminLogoutEvent({ email }));
    await this.updateComplete;
    this.emailInput?.focus();
  }

  /** A section asked for a new view: into the URL (a history entry unless it is filter typing). */
  #onNavigate(event: PartnerAdminNavigateEvent) {
    const section = this.current?.name ?? '';
    const next: AdminRoute = { section, path: event.detail.path, params: event.detail.params };
    const hash = toHash(next);
    if (hash !== location.hash) history[event.detail.replace ? 'replaceState' : 'pushState'](null, '', hash);
    this.route = next;
  }

  /** Back, forward, a link in the navigation, or an edited URL. */
  #followUrl() {
    const next = parseHash(location.hash);
    if (toHash(next) === toHash(this.route)) return;
    this.route = next;
    void this.#focusView();
  }

  /** After the view changed: focus on its heading. */
  async #focusView() {
    await this.updateComplete;
    const section = this.sectionElement;
    if (!section) return;
    await section.updateComplete;
    section.focusHeading();
  }
}
