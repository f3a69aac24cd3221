import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, messageOf } from '../../src/api/errors.js';
import type { LinkStats, PartnerLink, PartnerLinks } from '../../src/api/types.js';
import { formatCount, formatMoney, formatPercent, localeOf, localTimeZone } from '../../src/format.js';
import { DateRangeController, type RangePreset } from '../../src/internal/date-range.js';
import { PartnerLinkCreateEvent } from '../../src/events/partner-link-create.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { destinationProblem, listOf, SUB_PATTERN, SUB_RULE, withSub } from '../../src/internal/link-rules.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { ResourceTask } from '../../src/internal/resource-task.js';
import { noProgramView } from '../../src/internal/states.js';
import { resourceStyles } from '../../src/styles/resources.js';
import { baseStyles } from '../../src/styles/tokens.js';
import styles from './partner-links.styles.js';
import statsStyles from './partner-links-stats.styles.js';

type LinkFigures = Pick<LinkStats['totals'], 'clicks' | 'sales' | 'conversionRate' | 'earnings'>;
const NO_FIGURES: LinkFigures = { clicks: 0, sales: 0, conversionRate: null, earnings: 0 };

/** The form's labels, to name a field in the server's validation errors. */
const labels = () => ({ destination: msg('Page address'), sub: msg('Sub-id'), name: msg('Name') });

const pageLocale = () => document.documentElement.lang || navigator.language || 'en';

/** Still typing the scheme: too early to call the address wrong. */
const typingScheme = (value: string) => 'https://'.startsWith(value.toLowerCase()) || 'http://'.startsWith(value.toLowerCase());

/**
 * The partner's tracking links: the merchant's links and their own deep links, each with its
 * full URL, a copy button, a QR code (PNG or SVG to download) and its click count; a sub-id
 * to tag every link for one channel; and a form to build a custom deep link to any page on
 * the merchant's allowed domains (checked as the partner types, and again by the server).
 * Each link shows its clicks, sales, conversion and earnings for the period chosen at the top
 * (one `linkStats` call for all links, joined by the link's slug). The partner names their custom links, renames them
 * (inline, Escape cancels) and disables or enables them (disabling asks first: visitors still
 * reach the page, but nothing is recorded); disabled links are marked and listed last.
 * A partner in no program is told that links earn nothing yet, instead of being offered them.
 * The partner's coupon codes (from `GET /api/v1/me`), each with a copy button, show above the
 * links when the merchant gave them any (nothing is shown while they load or if reading fails:
 * the links do not wait for them).
 *
 * @tag partner-links
 * @summary Tracking links with copy, sub-id, QR codes, click counts and custom deep links.
 *
 * @event partner-copy - A link or coupon code was copied. `detail: { kind: 'link' | 'coupon', text }`.
 * @event partner-link-create - A custom deep link was created. `detail: { link }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart refresh-button - Reloads the links and click counts.
 * @csspart sub-input - The sub-id field.
 * @csspart coupons - The partner's coupon codes (only when they have any).
 * @csspart coupon - One coupon code.
 * @csspart coupon-copy-button - A coupon code's copy button.
 * @csspart list - The list of links.
 * @csspart link - One link.
 * @csspart badge - "Your link" on the partner's own deep links.
 * @csspart clicks - A link's click count.
 * @csspart url - The read-only field with a link's URL.
 * @csspart copy-button - A link's copy button.
 * @csspart qr-button - Shows or hides a link's QR code.
 * @csspart qr - The QR code panel.
 * @csspart qr-download - The PNG and SVG download links.
 * @csspart range - The period picker for the links' figures.
 * @csspart stats - A link's figures in the period (clicks, sales, conversion, earnings).
 * @csspart stats-loading - Shown while the figures load.
 * @csspart stats-error - The figures could not be loaded (the links still show), with a retry button.
 * @csspart disabled-badge - "Disabled" on a link the partner turned off.
 * @csspart rename-button - Opens a custom link's rename form.
 * @csspart rename-form - The inline rename form (Escape cancels).
 * @csspart disable-button - Disables or enables a custom link.
 * @csspart confirm - The confirmation before a link is disabled.
 * @csspart link-error - A rename or disable that failed.
 * @csspart name-input - The name field of the create form.
 * @csspart form - The custom deep link form.
 * @csspart destination-input - Its address field.
 * @csspart create-button - Its submit button.
 * @csspart form-error - A failure the form could not pin on a field.
 * @csspart empty - Shown when there are no links.
 * @csspart no-program - Shown instead of the links while the partner is in no program (their links would earn nothing).
 * @csspart spinner - The loading state.
 * @csspart error - The load failure, with a retry button.
 * @csspart signed-out - The prompt to sign in.
 * @csspart announcer - The visually hidden live region ("Link copied…").
 *
 * @cssproperty --partner-links-max-width - Widest the element grows (default --partner-width-content, 48em).
 * @cssproperty --partner-links-background - Card background.
 * @cssproperty --partner-links-row-border-color - Border of each link.
 * @cssproperty --partner-links-qr-size - Size of the QR code preview (default 10em).
 *
 * @slot heading - Replaces the heading text.
 */
export class PartnerLinksElement extends PartnerElement {
  static override styles = [baseStyles, resourceStyles, styles, statsStyles];

  /** Heading text (default "Your links"). */
  @property() heading?: string;
  /** The period the links' figures are for at first: `this-month` (default), `last-month`, `this-year` or `all`. */
  @property() range: RangePreset = 'this-month';

  /** Links the partner renamed, disabled or enabled here since the last load. */
  @state() private patched: Record<number, PartnerLink> = {};
  @state() private renaming?: number;
  @state() private renameValue = '';
  @state() private renameError?: string;
  @state() private confirming?: number;
  @state() private busy?: number;
  @state() private linkError?: { id: number; message: string };
  @state() private newName = '';
  @state() private newNameError?: string;

  private readonly period = new DateRangeController(this, () => this.requestUpdate());

  /** The figures of every link in the period: one call, joined by link id. */
  private readonly stats = new Task(this, {
    task: async ([token], { signal }) =>
      token ? this.client.linkStats({ ...this.period.query, timeZone: localTimeZone() }, { signal }) : undefined,
    args: () => [this.session.state?.token, this.period.key] as const,
  });

  /** The sub-id typed by the partner, added to every link without its own. */
  @state() private sub = '';
  @state() private openQr: number[] = [];
  /** Links created here since the last load, newest first. */
  @state() private added: PartnerLink[] = [];
  @state() private destination = '';
  @state() private newSub = '';
  @state() private destinationError?: string;
  @state() private newSubError?: string;
  @state() private formError?: string;
  @state() private creating = false;

  private readonly copier = new CopyController(this);

  private readonly data = new ResourceTask(this, () => this.session.state?.token, async (options) => {
    // in no program, links earn nothing: say so instead of offering them (unknown: show them)
    const [links, programs] = await Promise.all([this.client.links(options), this.client.programs(options).catch(() => undefined)]);
    this.added = [];
    this.patched = {};
    return { ...links, inProgram: programs === undefined || programs.length > 0 };
  });

  /** The partner's coupon codes; never holds the links up (a failure shows none). */
  private readonly coupons = new Task(this, {
    task: async ([token], { signal }) => (token ? ((await this.client.me({ signal }).catch(() => undefined))?.coupons ?? []) : []),
    args: () => [this.session.state?.token] as const,
  });

  override render() {
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.data.pending ? 'true' : 'false'}>
      <div class="head">
        <h2 id="title" part="title"><slot name="heading">${this.heading ?? msg('Your links')}</slot></h2>
        ${this.data.value ? html`<button part="refresh-button" class="secondary" type="button" @click=${this.refresh}>${msg('Refresh')}<span class="visually-hidden"> ${msg('links and clicks')}</span></button>` : nothing}
      </div>
      ${this.renderBody()} ${this.copier.announcer()}
    </section>`;
  }

  private renderBody() {
    return this.data.render({ signedOut: msg('Sign in to get your tracking links.'), loading: msg('Loading your links…') }, (data) => {
      if (!data.inProgram) return noProgramView();
      const links = this.merged(data);
      return html`${this.renderCoupons()} ${this.renderSub()} ${this.renderPeriod()}
        ${links.length
          ? html`<ul part="list">${links.map((link) => this.renderLink(link))}</ul>`
          : html`<p part="empty">No links yet. Create your own below.</p>`}
        ${this.renderForm(data.allowedDomains)}`;
    });
  }

  private renderCoupons() {
    const codes = this.coupons.value ?? [];
    if (!codes.length) return nothing;
    return html`<div part="coupons" class="coupons">
      <h3 id="coupons-title">${codes.length === 1 ? msg('Your coupon code') : msg('Your coupon codes')}</h3>
      <p class="help">${msg('Share it too: a purchase with your code counts for you, even without your link.')}</p>
      <ul aria-labelledby="coupons-title">
        ${codes.map(
          (code) => html`<li part="coupon">
            <code>${code}</code>
            <button part="coupon-copy-button" class="secondary" type="button" data-copy=${this.copier.state(`coupon-${code}`) ?? 'idle'} @click=${() => this.copier.copy(`coupon-${code}`, code, 'coupon', msg(str`Coupon code ${code}`))}>
              ${this.copier.label(`coupon-${code}`, msg('Copy'), msg(str`coupon code ${code}`))}
            </button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('range') && (changed.get('range') !== undefined || !this.hasUpdated)) this.period.use(this.range);
  }

  private merged(data: PartnerLinks): PartnerLink[] {
    const addedIds = new Set(this.added.map((l) => l.id));
    const rest = data.links.filter((l) => !addedIds.has(l.id));
    const merchant = rest.filter((l) => l.kind === 'merchant');
    const custom = [...this.added, ...rest.filter((l) => l.kind !== 'merchant')].map((l) => this.patched[l.id] ?? l);
    // as the server lists them: the partner's disabled links last
    return [...merchant, ...custom.filter((l) => !l.disabled), ...custom.filter((l) => l.disabled)];
  }

  // ── the period and each link's figures ──

  private renderPeriod() {
    const status = this.stats.status;
    return html`<div class="period">
      ${this.period.render()}
      ${status === TaskStatus.PENDING ? html`<p part="stats-loading" role="status">${msg('Loading the figures…')}</p>` : nothing}
      ${status === TaskStatus.ERROR
        ? html`<div part="stats-error" role="alert">
            <span>${msg(str`The figures could not be loaded: ${messageOf(this.stats.error)}`)}</span>
            <button class="secondary" type="button" @click=${() => void this.stats.run()}>${msg('Try again')}</button>
          </div>`
        : nothing}
    </div>`;
  }

  private figuresOf(link: PartnerLink): LinkFigures | undefined {
    const stats = this.stats.status === TaskStatus.COMPLETE ? this.stats.value : undefined;
    if (!stats) return undefined;
    // the statistics name links by slug, which is unique (case-insensitively) across all links
    const slug = link.slug.toLowerCase();
    return stats.byLink.find((row) => row.link?.slug.toLowerCase() === slug) ?? NO_FIGURES;
  }

  private renderFigures(link: PartnerLink) {
    const figures = this.figuresOf(link);
    if (!figures) return nothing;
    const locale = localeOf(this);
    const currency = this.stats.value?.currency ?? 'USD';
    const label = this.period.preset === 'all' ? msg('All time') : this.period.label(locale);
    return html`<dl part="stats" aria-label=${msg(str`${link.name}, ${label}`)}>
      <div><dt>${msg('Clicks')}</dt><dd>${formatCount(figures.clicks, locale)}</dd></div>
      <div><dt>${msg('Sales')}</dt><dd>${formatCount(figures.sales, locale)}</dd></div>
      <div><dt>${msg('Conversion')}</dt><dd>${figures.conversionRate === null ? '—' : formatPercent(figures.conversionRate, locale)}</dd></div>
      <div><dt>${msg('Earnings')}</dt><dd class="money">${formatMoney(figures.earnings, currency, locale)}</dd></div>
    </dl>`;
  }

  // ── rename, disable, enable (the partner's own links) ──

  private renderManage(link: PartnerLink) {
    if (link.kind !== 'custom') return nothing;
    const busy = this.busy === link.id;
    const error = this.linkError?.id === link.id ? this.linkError.message : undefined;
    if (this.renaming === link.id) {
      return html`<form part="rename-form" class="rename" novalidate @submit=${(e: SubmitEvent) => this.rename(e, link)} @keydown=${(e: KeyboardEvent) => this.escapeRename(e, link)}>
          <div class="field">
            <label for="rename-${link.id}">${msg(str`New name for ${link.name}`)}</label>
            <input
              id="rename-${link.id}"
              part="input"
              maxlength="120"
              autocomplete="off"
              .value=${this.renameValue}
              aria-invalid=${this.renameError ? 'true' : 'false'}
              aria-describedby=${this.renameError ? `rename-error-${link.id}` : nothing}
              @input=${(e: InputEvent) => ((this.renameValue = (e.target as HTMLInputElement).value), (this.renameError = undefined))}
            />
            ${this.renameError ? html`<p id="rename-error-${link.id}" class="field-error">${this.renameError}</p>` : nothing}
          </div>
          <div class="actions">
            <button type="submit" aria-disabled=${busy ? 'true' : 'false'}>${busy ? msg('Saving…') : msg('Save name')}</button>
            <button type="button" class="secondary" @click=${() => this.cancelRename(link)}>${msg('Cancel')}</button>
          </div>
        </form>`;
    }
    if (this.confirming === link.id) {
      return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-${link.id}">
        <p id="confirm-${link.id}">
          ${msg(str`Disable ${link.name}? Visitors will still reach the page, but no clicks or sales will be recorded for you until you enable it again.`)}
        </p>
        <div class="actions">
          <button type="button" data-confirm aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.setDisabled(link, true)}>${busy ? msg('Disabling…') : msg('Disable link')}</button>
          <button type="button" class="secondary" data-cancel @click=${() => this.cancelConfirm(link)}>${msg('Keep it on')}</button>
        </div>
        ${error ? html`<p part="link-error" role="alert">${error}</p>` : nothing}
      </div>`;
    }
    return html`<div class="actions manage">
      <button part="rename-button" class="secondary" type="button" @click=${() => this.startRename(link)}>
        ${msg('Rename')}<span class="visually-hidden"> ${link.name}</span>
      </button>
      <button
        part="disable-button"
        class="secondary"
        type="button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => (link.disabled ? this.setDisabled(link, false) : this.askDisable(link))}
      >
        ${link.disabled ? msg('Enable') : msg('Disable')}<span class="visually-hidden"> ${link.name}</span>
      </button>
      ${error ? html`<p part="link-error" role="alert">${error}</p>` : nothing}
    </div>`;
  }

  private async focusLater(selector: string) {
    await this.updateComplete;
    this.focusIn(selector);
  }

  private startRename(link: PartnerLink) {
    this.renaming = link.id;
    this.renameValue = link.name;
    this.renameError = undefined;
    this.confirming = undefined;
    this.linkError = undefined;
    void this.focusLater(`#rename-${link.id}`);
  }

  private cancelRename(link: PartnerLink) {
    this.renaming = undefined;
    this.renameError = undefined;
    void this.focusLater(`[data-link-id="${link.id}"] [part~="rename-button"]`);
  }

  private escapeRename(event: KeyboardEvent, link: PartnerLink) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.cancelRename(link);
  }

  private askDisable(link: PartnerLink) {
    this.confirming = link.id;
    this.linkError = undefined;
    void this.focusLater(`[data-link-id="${link.id}"] [data-cancel]`);
  }

  private cancelConfirm(link: PartnerLink) {
    this.confirming = undefined;
    void this.focusLater(`[data-link-id="${link.id}"] [part~="disable-button"]`);
  }

  private remember(link: PartnerLink) {
    this.patched = { ...this.patched, [link.id]: link };
  }

  private async rename(event: SubmitEvent, link: PartnerLink) {
    event.preventDefault();
    if (this.busy !== undefined) return;
    const name = this.renameValue.trim();
    this.renameError = !name ? msg('Enter a name for the link.') : name.length > 120 ? msg('Use at most 120 characters.') : undefined;
    if (this.renameError) return void this.focusLater(`#rename-${link.id}`);
    if (name === link.name) return this.cancelRename(link);
    this.busy = link.id;
    try {
      const updated = await this.client.updateLink(link.id, { name });
      this.remember(updated);
      this.renaming = undefined;
      this.copier.announce(msg(str`Link renamed to ${updated.name}`));
      void this.focusLater(`[data-link-id="${link.id}"] [part~="rename-button"]`);
    } catch (error) {
      this.renameError = messageOf(error, labels());
      void this.focusLater(`#rename-${link.id}`);
    } finally {
      this.busy = undefined;
    }
  }

  private async setDisabled(link: PartnerLink, disabled: boolean) {
    if (this.busy !== undefined) return;
    this.busy = link.id;
    this.linkError = undefined;
    try {
      const updated = await this.client.updateLink(link.id, { disabled });
      this.remember(updated);
      this.confirming = undefined;
      this.copier.announce(disabled ? msg(str`${updated.name} is disabled: visitors still reach the page, nothing is recorded.`) : msg(str`${updated.name} is enabled again.`));
      void this.focusLater(`[data-link-id="${link.id}"] [part~="disable-button"]`);
    } catch (error) {
      this.linkError = { id: link.id, message: messageOf(error, labels()) };
    } finally {
      this.busy = undefined;
    }
  }

  private get subProblem() {
    return this.sub && !SUB_PATTERN.test(this.sub) ? SUB_RULE : undefined;
  }

  /** The URL to share: the link's own, with the typed sub-id when the link has none. */
  private shareUrl(link: PartnerLink) {
    return this.sub && !this.subProblem && !link.sub ? withSub(link.url, this.sub) : link.url;
  }

  private renderSub() {
    const problem = this.subProblem;
    return html`<div class="field sub">
      <label for="sub">${msg('Sub-id')} <span class="help">${msg('(optional)')}</span></label>
      <input
        id="sub"
        part="input sub-input"
        .value=${this.sub}
        maxlength="64"
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? 'sub-help sub-error' : 'sub-help'}
        @input=${(e: InputEvent) => (this.sub = (e.target as HTMLInputElement).value.trim())}
      />
      <p id="sub-help" class="help">${msg(html`Tag your links to tell your channels apart, like <code>newsletter</code> or <code>instagram</code>.`)}</p>
      ${problem ? html`<p id="sub-error" class="field-error">${problem}</p>` : nothing}
    </div>`;
  }

  private renderLink(link: PartnerLink) {
    const url = this.shareUrl(link);
    const copyKey = `link-${link.id}`;
    const qrOpen = this.openQr.includes(link.id);
    return html`<li part="link" data-link-id=${link.id} class=${link.disabled ? 'disabled' : ''}>
      <div class="link-head">
        <h3 id="name-${link.id}">${link.name}</h3>
        ${link.kind === 'custom' ? html`<span part="badge">${msg('Your link')}</span>` : nothing}
        ${link.disabled ? html`<span part="disabled-badge">${msg('Disabled')}</span>` : nothing}
        <span part="clicks">${this.clicks(link.clicks)}</span>
      </div>
      <p class="destination">${msg(str`Goes to ${link.destination}`)}</p>
      ${link.disabled ? html`<p class="disabled-note">${msg('Visitors still reach the page, but nothing is recorded for you.')}</p>` : nothing}
      ${this.renderFigures(link)}
      <div class="copy-row">
        <input part="url" readonly .value=${url} aria-label=${msg(str`Link: ${link.name}`)} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button part="copy-button" type="button" data-copy=${this.copier.state(copyKey) ?? 'idle'} @click=${() => this.copier.copy(copyKey, url, 'link', msg('Link'))}>
          ${this.copier.label(copyKey, msg('Copy'), link.name)}
        </button>
        <button
          part="qr-button"
          class="secondary"
          type="button"
          aria-expanded=${qrOpen ? 'true' : 'false'}
          aria-controls="qr-${link.id}"
          @click=${() => this.toggleQr(link.id)}
        >
          ${msg('QR code')}<span class="visually-hidden"> ${msg(str`for ${link.name}`)}</span>
        </button>
      </div>
      ${this.renderManage(link)}
      <div id="qr-${link.id}" part="qr" ?hidden=${!qrOpen}>
        ${qrOpen
          ? html`<img src=${this.client.qrCodeUrl(url, 'svg')} alt=${msg(str`QR code for ${url}`)} width="160" height="160" />
              <div class="actions">
                <a part="qr-download" class="button" href=${this.client.qrCodeUrl(url, 'png', { download: true })} download="qr-${link.slug}.png">
                  ${msg('Download PNG')}<span class="visually-hidden"> ${msg(str`QR code for ${link.name}`)}</span>
                </a>
                <a part="qr-download" class="button" href=${this.client.qrCodeUrl(url, 'svg', { download: true })} download="qr-${link.slug}.svg">
                  ${msg('Download SVG')}<span class="visually-hidden"> ${msg(str`QR code for ${link.name}`)}</span>
                </a>
              </div>`
          : nothing}
      </div>
    </li>`;
  }

  private clicks(count: number) {
    const locale = pageLocale();
    const number = new Intl.NumberFormat(locale).format(count);
    return new Intl.PluralRules(locale).select(count) === 'one' ? msg(str`${number} click`) : msg(str`${number} clicks`);
  }

  private toggleQr(id: number) {
    this.openQr = this.openQr.includes(id) ? this.openQr.filter((x) => x !== id) : [...this.openQr, id];
  }

  private renderForm(domains: string[]) {
    const destinationIds = ['destination-help', this.destinationError ? 'destination-error' : ''].filter(Boolean).join(' ');
    return html`<form part="form" novalidate @submit=${(e: SubmitEvent) => this.create(e, domains)} aria-labelledby="form-title">
      <h3 id="form-title">${msg('Create a custom link')}</h3>
      <div class="form-fields">
        <div class="field">
          <label for="destination">${msg('Page address')}</label>
          <input
            id="destination"
            part="input destination-input"
            type="url"
            inputmode="url"
            autocomplete="off"
            spellcheck="false"
            maxlength="2048"
            placeholder=${domains[0] ? `https://${domains[0].replace(/^\*\./, '')}/…` : 'https://…'}
            .value=${this.destination}
            aria-invalid=${this.destinationError ? 'true' : 'false'}
            aria-describedby=${destinationIds}
            @input=${(e: InputEvent) => this.typeDestination((e.target as HTMLInputElement).value, domains)}
          />
          <p id="destination-help" class="help">
            ${domains.length ? msg(str`Link straight to any page on ${listOf(domains)}.`) : msg('Link straight to any page on our site.')}
          </p>
          ${this.destinationError ? html`<p id="destination-error" class="field-error">${this.destinationError}</p>` : nothing}
        </div>
        <div class="field">
          <label for="new-name">${msg('Name')} <span class="help">${msg('(optional)')}</span></label>
          <input
            id="new-name"
            part="input name-input"
            maxlength="120"
            autocomplete="off"
            .value=${this.newName}
            aria-invalid=${this.newNameError ? 'true' : 'false'}
            aria-describedby=${this.newNameError ? 'new-name-help new-name-error' : 'new-name-help'}
            @input=${(e: InputEvent) => ((this.newName = (e.target as HTMLInputElement).value), (this.newNameError = undefined))}
          />
          <p id="new-name-help" class="help">${msg('What you call it, like “Boots, newsletter”. Only you see it.')}</p>
          ${this.newNameError ? html`<p id="new-name-error" class="field-error">${this.newNameError}</p>` : nothing}
        </div>
        <div class="field">
          <label for="new-sub">${msg('Sub-id')} <span class="help">${msg('(optional)')}</span></label>
          <input
            id="new-sub"
            part="input"
            maxlength="64"
            autocomplete="off"
            spellcheck="false"
            .value=${this.newSub}
            aria-invalid=${this.newSubError ? 'true' : 'false'}
            aria-describedby=${this.newSubError ? 'new-sub-error' : nothing}
            @input=${(e: InputEvent) => this.typeNewSub((e.target as HTMLInputElement).value)}
          />
          ${this.newSubError ? html`<p id="new-sub-error" class="field-error">${this.newSubError}</p>` : nothing}
        </div>
      </div>
      ${this.formError ? html`<p part="form-error" role="alert">${this.formError}</p>` : nothing}
      <div>
        <button part="create-button" type="submit" aria-disabled=${this.creating ? 'true' : 'false'}>
          ${this.creating ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Creating…')}` : msg('Create link')}
        </button>
      </div>
    </form>`;
  }

  private typeDestination(value: string, domains: string[]) {
    this.destination = value;
    this.formError = undefined;
    const text = value.trim();
    this.destinationError = !text || typingScheme(text) ? undefined : destinationProblem(text, domains);
  }

  private typeNewSub(value: string) {
    this.newSub = value.trim();
    this.newSubError = this.newSub && !SUB_PATTERN.test(this.newSub) ? SUB_RULE : undefined;
  }

  private focusIn(selector: string) {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async create(event: SubmitEvent, domains: string[]) {
    event.preventDefault();
    if (this.creating) return;
    this.destinationError = destinationProblem(this.destination, domains);
    this.newSubError = this.newSub && !SUB_PATTERN.test(this.newSub) ? SUB_RULE : undefined;
    this.newNameError = this.newName.trim().length > 120 ? msg('Use at most 120 characters.') : undefined;
    if (this.destinationError || this.newSubError || this.newNameError) {
      await this.updateComplete;
      this.focusIn(this.destinationError ? '#destination' : this.newNameError ? '#new-name' : '#new-sub');
      return;
    }
    this.creating = true;
    this.formError = undefined;
    try {
      const name = this.newName.trim();
      const link = await this.client.createLink({ destination: this.destination.trim(), ...(this.newSub ? { sub: this.newSub } : {}), ...(name ? { name } : {}) });
      const loaded = this.data.value;
      const known = loaded ? this.merged(loaded).some((l) => l.id === link.id) : false;
      if (!known) this.added = [link, ...this.added];
      this.destination = '';
      this.newSub = '';
      this.newName = '';
      this.copier.announce(known ? msg(str`You have this link already: ${link.name}`) : msg(str`Link created: ${link.name}`));
      this.emit(new PartnerLinkCreateEvent({ link }));
      await this.updateComplete;
      this.focusIn(`[data-link-id="${link.id}"] [part~="copy-button"]`);
    } catch (error) {
      if (error instanceof ApiError && error.field === 'sub') this.newSubError = messageOf(error, labels());
      else if (error instanceof ApiError && error.field === 'name') this.newNameError = messageOf(error, labels());
      else if (error instanceof ApiError && error.field === 'destination') this.destinationError = messageOf(error, labels());
      else this.formError = messageOf(error, labels());
      await this.updateComplete;
      if (this.destinationError) this.focusIn('#destination');
      else if (this.newNameError) this.focusIn('#new-name');
      else if (this.newSubError) this.focusIn('#new-sub');
    } finally {
      this.creating = false;
    }
  }

  private refresh() {
    this.data.reload();
    void this.stats.run();
    void this.coupons.run();
  }
}
