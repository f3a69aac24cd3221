import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { ApiError, messageOf } from '../../src/api/errors.js';
import type { LinkStats, PartnerLink, PartnerLinks } from '../../src/api/types.js';
import { PartnerLinkCreateEvent } from '../../src/events/partner-link-create.js';
import { formatCount, formatMoney, formatPercent, localeOf, localTimeZone } from '../../src/format.js';
import { CopyController } from '../../src/internal/copy-controller.js';
import { DateRangeController } from '../../src/internal/date-range.js';
import { destinationProblem, listOf, SUB_PATTERN, SUB_RULE, withSub } from '../../src/internal/link-rules.js';
import { resourceStyles } from '../../src/styles/resources.js';
import type { PartnerLinksElement } from './partner-links.component.js';
import linkStyles from './partner-links.styles.js';
import statsStyles from './partner-links-stats.styles.js';

/** Adopted into the element's shadow root when this module arrives (see LazyPart). */
export const styles = [resourceStyles, linkStyles, statsStyles];

type LinkFigures = Pick<LinkStats['totals'], 'clicks' | 'sales' | 'conversionRate' | 'earnings'>;
const NO_FIGURES: LinkFigures = { clicks: 0, sales: 0, conversionRate: null, earnings: 0 };

/** The form's labels, to name a field in the server's validation errors. */
const labels = () => ({ destination: msg('Page address'), sub: msg('Sub-id'), name: msg('Name') });

const pageLocale = () => document.documentElement.lang || navigator.language || 'en';

/** Still typing the scheme: too early to call the address wrong. */
const typingScheme = (value: string) => 'https://'.startsWith(value.toLowerCase()) || 'http://'.startsWith(value.toLowerCase());

/**
 * What <partner-links> shows and does once the partner's links are loaded: the coupons, the
 * sub-id, the period and each link's figures, copy, QR, rename and disable, and the form that
 * creates a link. Loaded while the links load (src/internal/lazy-part.ts), so none of it is in
 * the script tag's first download; its state lives on the element, where it stays reactive.
 */
export class LinksView {
  readonly period: DateRangeController;

  /** The figures of every link in the period: one call, joined by link id. */
  readonly stats: Task<readonly [string | undefined, string], LinkStats | undefined>;

  readonly copier: CopyController;

  constructor(readonly el: PartnerLinksElement) {
    this.period = new DateRangeController(el, () => el.requestUpdate());
    this.period.use(el.range);
    this.stats = new Task(el, {
      task: async ([token], { signal }) =>
        token ? el.client.linkStats({ ...this.period.query, timeZone: localTimeZone() }, { signal }) : undefined,
      args: () => [el.session.state?.token, this.period.key] as const,
    });
    this.copier = new CopyController(el);
  }

  render(data: PartnerLinks & { inProgram: boolean }) {
    const links = this.merged(data);
    return html`${this.renderCoupons()} ${this.renderSub()} ${this.renderPeriod()}
      ${links.length
        ? html`<ul part="list">${links.map((link) => this.renderLink(link))}</ul>`
        : html`<p part="empty">No links yet. Create your own below.</p>`}
      ${this.renderForm(data.allowedDomains)}`;
  }

  refresh() {
    void this.stats.run();
  }

  renderCoupons() {
    const codes = this.el.coupons.value ?? [];
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

  merged(data: PartnerLinks): PartnerLink[] {
    const addedIds = new Set(this.el.added.map((l) => l.id));
    const rest = data.links.filter((l) => !addedIds.has(l.id));
    const merchant = rest.filter((l) => l.kind === 'merchant');
    const custom = [...this.el.added, ...rest.filter((l) => l.kind !== 'merchant')].map((l) => this.el.patched[l.id] ?? l);
    // as the server lists them: the partner's disabled links last
    return [...merchant, ...custom.filter((l) => !l.disabled), ...custom.filter((l) => l.disabled)];
  }

  // ── the period and each link's figures ──

  renderPeriod() {
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

  figuresOf(link: PartnerLink): LinkFigures | undefined {
    const stats = this.stats.status === TaskStatus.COMPLETE ? this.stats.value : undefined;
    if (!stats) return undefined;
    // the statistics name links by slug, which is unique (case-insensitively) across all links
    const slug = link.slug.toLowerCase();
    return stats.byLink.find((row) => row.link?.slug.toLowerCase() === slug) ?? NO_FIGURES;
  }

  renderFigures(link: PartnerLink) {
    const figures = this.figuresOf(link);
    if (!figures) return nothing;
    const locale = localeOf(this.el);
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

  renderManage(link: PartnerLink) {
    if (link.kind !== 'custom') return nothing;
    const busy = this.el.busy === link.id;
    const error = this.el.linkError?.id === link.id ? this.el.linkError.message : undefined;
    if (this.el.renaming === link.id) {
      return html`<form part="rename-form" class="rename" novalidate @submit=${(e: SubmitEvent) => this.rename(e, link)} @keydown=${(e: KeyboardEvent) => this.escapeRename(e, link)}>
          <div class="field">
            <label for="rename-${link.id}">${msg(str`New name for ${link.name}`)}</label>
            <input
              id="rename-${link.id}"
              part="input"
              maxlength="120"
              autocomplete="off"
              .value=${this.el.renameValue}
              aria-invalid=${this.el.renameError ? 'true' : 'false'}
              aria-describedby=${this.el.renameError ? `rename-error-${link.id}` : nothing}
              @input=${(e: InputEvent) => ((this.el.renameValue = (e.target as HTMLInputElement).value), (this.el.renameError = undefined))}
            />
            ${this.el.renameError ? html`<p id="rename-error-${link.id}" class="field-error">${this.el.renameError}</p>` : nothing}
          </div>
          <div class="actions">
            <button type="submit" aria-disabled=${busy ? 'true' : 'false'}>${busy ? msg('Saving…') : msg('Save name')}</button>
            <button type="button" class="secondary" @click=${() => this.cancelRename(link)}>${msg('Cancel')}</button>
          </div>
        </form>`;
    }
    if (this.el.confirming === link.id) {
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

  async focusLater(selector: string) {
    await this.el.updateComplete;
    this.focusIn(selector);
  }

  startRename(link: PartnerLink) {
    this.el.renaming = link.id;
    this.el.renameValue = link.name;
    this.el.renameError = undefined;
    this.el.confirming = undefined;
    this.el.linkError = undefined;
    void this.focusLater(`#rename-${link.id}`);
  }

  cancelRename(link: PartnerLink) {
    this.el.renaming = undefined;
    this.el.renameError = undefined;
    void this.focusLater(`[data-link-id="${link.id}"] [part~="rename-button"]`);
  }

  escapeRename(event: KeyboardEvent, link: PartnerLink) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.cancelRename(link);
  }

  askDisable(link: PartnerLink) {
    this.el.confirming = link.id;
    this.el.linkError = undefined;
    void this.focusLater(`[data-link-id="${link.id}"] [data-cancel]`);
  }

  cancelConfirm(link: PartnerLink) {
    this.el.confirming = undefined;
    void this.focusLater(`[data-link-id="${link.id}"] [part~="disable-button"]`);
  }

  remember(link: PartnerLink) {
    this.el.patched = { ...this.el.patched, [link.id]: link };
  }

  async rename(event: SubmitEvent, link: PartnerLink) {
    event.preventDefault();
    if (this.el.busy !== undefined) return;
    const name = this.el.renameValue.trim();
    this.el.renameError = !name ? msg('Enter a name for the link.') : name.length > 120 ? msg('Use at most 120 characters.') : undefined;
    if (this.el.renameError) return void this.focusLater(`#rename-${link.id}`);
    if (name === link.name) return this.cancelRename(link);
    this.el.busy = link.id;
    try {
      const updated = await this.el.client.updateLink(link.id, { name });
      this.remember(updated);
      this.el.renaming = undefined;
      this.copier.announce(msg(str`Link renamed to ${updated.name}`));
      void this.focusLater(`[data-link-id="${link.id}"] [part~="rename-button"]`);
    } catch (error) {
      this.el.renameError = messageOf(error, labels());
      void this.focusLater(`#rename-${link.id}`);
    } finally {
      this.el.busy = undefined;
    }
  }

  async setDisabled(link: PartnerLink, disabled: boolean) {
    if (this.el.busy !== undefined) return;
    this.el.busy = link.id;
    this.el.linkError = undefined;
    try {
      const updated = await this.el.client.updateLink(link.id, { disabled });
      this.remember(updated);
      this.el.confirming = undefined;
      this.copier.announce(disabled ? msg(str`${updated.name} is disabled: visitors still reach the page, nothing is recorded.`) : msg(str`${updated.name} is enabled again.`));
      void this.focusLater(`[data-link-id="${link.id}"] [part~="disable-button"]`);
    } catch (error) {
      this.el.linkError = { id: link.id, message: messageOf(error, labels()) };
    } finally {
      this.el.busy = undefined;
    }
  }

  get subProblem() {
    return this.el.sub && !SUB_PATTERN.test(this.el.sub) ? SUB_RULE : undefined;
  }

  /** The URL to share: the link's own, with the typed sub-id when the link has none. */
  shareUrl(link: PartnerLink) {
    return this.el.sub && !this.subProblem && !link.sub ? withSub(link.url, this.el.sub) : link.url;
  }

  renderSub() {
    const problem = this.subProblem;
    return html`<div class="field sub">
      <label for="sub">${msg('Sub-id')} <span class="help">${msg('(optional)')}</span></label>
      <input
        id="sub"
        part="input sub-input"
        .value=${this.el.sub}
        maxlength="64"
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? 'sub-help sub-error' : 'sub-help'}
        @input=${(e: InputEvent) => (this.el.sub = (e.target as HTMLInputElement).value.trim())}
      />
      <p id="sub-help" class="help">${msg(html`Tag your links to tell your channels apart, like <code>newsletter</code> or <code>instagram</code>.`)}</p>
      ${problem ? html`<p id="sub-error" class="field-error">${problem}</p>` : nothing}
    </div>`;
  }

  renderLink(link: PartnerLink) {
    const url = this.shareUrl(link);
    const copyKey = `link-${link.id}`;
    const qrOpen = this.el.openQr.includes(link.id);
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
          ? html`<img src=${this.el.client.qrCodeUrl(url, 'svg')} alt=${msg(str`QR code for ${url}`)} width="160" height="160" />
              <div class="actions">
                <a part="qr-download" class="button" href=${this.el.client.qrCodeUrl(url, 'png', { download: true })} download="qr-${link.slug}.png">
                  ${msg('Download PNG')}<span class="visually-hidden"> ${msg(str`QR code for ${link.name}`)}</span>
                </a>
                <a part="qr-download" class="button" href=${this.el.client.qrCodeUrl(url, 'svg', { download: true })} download="qr-${link.slug}.svg">
                  ${msg('Download SVG')}<span class="visually-hidden"> ${msg(str`QR code for ${link.name}`)}</span>
                </a>
              </div>`
          : nothing}
      </div>
    </li>`;
  }

  clicks(count: number) {
    const locale = pageLocale();
    const number = new Intl.NumberFormat(locale).format(count);
    return new Intl.PluralRules(locale).select(count) === 'one' ? msg(str`${number} click`) : msg(str`${number} clicks`);
  }

  toggleQr(id: number) {
    this.el.openQr = this.el.openQr.includes(id) ? this.el.openQr.filter((x) => x !== id) : [...this.el.openQr, id];
  }

  renderForm(domains: string[]) {
    const destinationIds = ['destination-help', this.el.destinationError ? 'destination-error' : ''].filter(Boolean).join(' ');
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
            .value=${this.el.destination}
            aria-invalid=${this.el.destinationError ? 'true' : 'false'}
            aria-describedby=${destinationIds}
            @input=${(e: InputEvent) => this.typeDestination((e.target as HTMLInputElement).value, domains)}
          />
          <p id="destination-help" class="help">
            ${domains.length ? msg(str`Link straight to any page on ${listOf(domains)}.`) : msg('Link straight to any page on our site.')}
          </p>
          ${this.el.destinationError ? html`<p id="destination-error" class="field-error">${this.el.destinationError}</p>` : nothing}
        </div>
        <div class="field">
          <label for="new-name">${msg('Name')} <span class="help">${msg('(optional)')}</span></label>
          <input
            id="new-name"
            part="input name-input"
            maxlength="120"
            autocomplete="off"
            .value=${this.el.newName}
            aria-invalid=${this.el.newNameError ? 'true' : 'false'}
            aria-describedby=${this.el.newNameError ? 'new-name-help new-name-error' : 'new-name-help'}
            @input=${(e: InputEvent) => ((this.el.newName = (e.target as HTMLInputElement).value), (this.el.newNameError = undefined))}
          />
          <p id="new-name-help" class="help">${msg('What you call it, like “Boots, newsletter”. Only you see it.')}</p>
          ${this.el.newNameError ? html`<p id="new-name-error" class="field-error">${this.el.newNameError}</p>` : nothing}
        </div>
        <div class="field">
          <label for="new-sub">${msg('Sub-id')} <span class="help">${msg('(optional)')}</span></label>
          <input
            id="new-sub"
            part="input"
            maxlength="64"
            autocomplete="off"
            spellcheck="false"
            .value=${this.el.newSub}
            aria-invalid=${this.el.newSubError ? 'true' : 'false'}
            aria-describedby=${this.el.newSubError ? 'new-sub-error' : nothing}
            @input=${(e: InputEvent) => this.typeNewSub((e.target as HTMLInputElement).value)}
          />
          ${this.el.newSubError ? html`<p id="new-sub-error" class="field-error">${this.el.newSubError}</p>` : nothing}
        </div>
      </div>
      ${this.el.formError ? html`<p part="form-error" role="alert">${this.el.formError}</p>` : nothing}
      <div>
        <button part="create-button" type="submit" aria-disabled=${this.el.creating ? 'true' : 'false'}>
          ${this.el.creating ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Creating…')}` : msg('Create link')}
        </button>
      </div>
    </form>`;
  }

  typeDestination(value: string, domains: string[]) {
    this.el.destination = value;
    this.el.formError = undefined;
    const text = value.trim();
    this.el.destinationError = !text || typingScheme(text) ? undefined : destinationProblem(text, domains);
  }

  typeNewSub(value: string) {
    this.el.newSub = value.trim();
    this.el.newSubError = this.el.newSub && !SUB_PATTERN.test(this.el.newSub) ? SUB_RULE : undefined;
  }

  focusIn(selector: string) {
    this.el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async create(event: SubmitEvent, domains: string[]) {
    event.preventDefault();
    if (this.el.creating) return;
    this.el.destinationError = destinationProblem(this.el.destination, domains);
    this.el.newSubError = this.el.newSub && !SUB_PATTERN.test(this.el.newSub) ? SUB_RULE : undefined;
    this.el.newNameError = this.el.newName.trim().length > 120 ? msg('Use at most 120 characters.') : undefined;
    if (this.el.destinationError || this.el.newSubError || this.el.newNameError) {
      await this.el.updateComplete;
      this.focusIn(this.el.destinationError ? '#destination' : this.el.newNameError ? '#new-name' : '#new-sub');
      return;
    }
    this.el.creating = true;
    this.el.formError = undefined;
    try {
      const name = this.el.newName.trim();
      const link = await this.el.client.createLink({ destination: this.el.destination.trim(), ...(this.el.newSub ? { sub: this.el.newSub } : {}), ...(name ? { name } : {}) });
      const loaded = this.el.data.value;
      const known = loaded ? this.merged(loaded).some((l) => l.id === link.id) : false;
      if (!known) this.el.added = [link, ...this.el.added];
      this.el.destination = '';
      this.el.newSub = '';
      this.el.newName = '';
      this.copier.announce(known ? msg(str`You have this link already: ${link.name}`) : msg(str`Link created: ${link.name}`));
      this.el.emit(new PartnerLinkCreateEvent({ link }));
      await this.el.updateComplete;
      this.focusIn(`[data-link-id="${link.id}"] [part~="copy-button"]`);
    } catch (error) {
      if (error instanceof ApiError && error.field === 'sub') this.el.newSubError = messageOf(error, labels());
      else if (error instanceof ApiError && error.field === 'name') this.el.newNameError = messageOf(error, labels());
      else if (error instanceof ApiError && error.field === 'destination') this.el.destinationError = messageOf(error, labels());
      else this.el.formError = messageOf(error, labels());
      await this.el.updateComplete;
      if (this.el.destinationError) this.focusIn('#destination');
      else if (this.el.newNameError) this.focusIn('#new-name');
      else if (this.el.newSubError) this.focusIn('#new-sub');
    } finally {
      this.el.creating = false;
    }
  }
}
