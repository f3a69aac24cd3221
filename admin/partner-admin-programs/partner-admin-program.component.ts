import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { currencyDigits, formatMoney, localeOf } from '../../src/format.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { Program, ProgramExample } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { amountText, describedBy, fieldError, focusFirstInvalid, formProblem, formStyles, invalid, parseAmount, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import { SectionElement } from '../internal/section-element.js';
import { bodyOf, draftField, draftOf, emptyDraft, patchOf, type ProgramDraft } from './program-draft.js';

/** How long typing pauses before the example is asked for again. */
export const EXAMPLE_DELAY_MS = 350;

type Example =
  | { state: 'idle' }
  /** asking the server; the last answer (if any) stays shown meanwhile, so the live region is not re-read on every pause */
  | { state: 'calculating'; last?: ProgramExample }
  | { state: 'invalid'; why: string }
  | { state: 'done'; example: ProgramExample }
  | { state: 'failed'; error: unknown };

interface Loaded {
  program: Program | null;
  currency: string;
}

/**
 * One program's form — every rule the commission engine has — beside a live example priced by
 * the server's own planner (`POST /programs/example`) as the merchant types. Rendered by
 * `<partner-admin-programs>` for `#/programs/new` and `#/programs/<id>`.
 *
 * @tag partner-admin-program
 * @summary A program's rules in the console, with a live example.
 *
 * @event partner-admin-back - "All programs" was chosen.
 * @event partner-admin-navigate - A new program was created (now at its id).
 *
 * @csspart form - The program's rules.
 * @csspart example - The live example.
 * @csspart field-error - A field's error, under it.
 * @csspart form-error - The form was not sent: why (role="alert").
 */
export class PartnerAdminProgramElement extends SectionElement {
  static override styles = [
    baseStyles,
    adminStyles,
    formStyles,
    css`
      .layout {
        display: grid;
        gap: var(--_space-l);
        grid-template-columns: minmax(0, 2fr) minmax(14rem, 1fr);
        align-items: start;
      }
      @media (max-width: 48rem) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      form {
        display: grid;
        gap: var(--_space-m);
      }
      aside {
        position: sticky;
        top: var(--_space-m);
      }
      [part~='example-text'] {
        font-size: 1.0625rem;
        margin: var(--_space-s) 0 0;
      }
    `,
  ];

  /** The program's id, or 'new'. */
  @property({ attribute: false }) programId: number | 'new' = 'new';

  @state() private draft: ProgramDraft = emptyDraft();
  @state() private errors: FieldErrors = {};
  @state() private saving = false;
  @state() private said?: string;
  @state() private saveError?: unknown;
  @state() private example: Example = { state: 'idle' };
  @state() private exampleSale = '';
  #timer?: ReturnType<typeof setTimeout>;
  #inflight?: AbortController;

  private data = new Task(this, {
    task: async ([token, id], { signal }): Promise<Loaded | undefined> => {
      if (!token) return undefined;
      const [program, currency] = await Promise.all([id === 'new' ? null : this.client.program(id, { signal }), this.client.currency({ signal }).catch(() => 'USD')]);
      this.draft = program ? draftOf(program, currency) : emptyDraft();
      this.exampleSale = amountText(199 * 10 ** currencyDigits(currency), currency);
      this.errors = {};
      this.scheduleExample(currency, 0);
      return { program, currency };
    },
    args: () => [this.signedIn?.token, this.programId] as const,
  });

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#inflight?.abort();
  }

  override render() {
    const d = this.data.value;
    const title = this.programId === 'new' ? 'New program' : d?.program ? d.program.name : `Program ${this.programId}`;
    return html`<p><a href="#/programs" @click=${(e: Event) => (e.preventDefault(), this.emit(new Event('partner-admin-back', { bubbles: true, composed: true })))}>← All programs</a></p>
      <h2 tabindex="-1">${title}${d?.program?.status === 'archived' ? html` <span class="muted">(archived)</span>` : nothing}</h2>
      ${this.data.render({
        initial: () => this.signedOutView(),
        pending: () => (d ? this.renderForm(d) : loadingView('Loading the program…')),
        error: (e) => this.failure(e, () => void this.data.run()),
        complete: (loaded) => (loaded ? this.renderForm(loaded) : this.signedOutView()),
      })}`;
  }

  private renderForm({ program, currency }: Loaded) {
    const d = this.draft;
    const e = this.errors;
    const money = `Amount in ${currency}`;
    const unit = (type: string) => (type === 'percent' ? '%' : currency);
    return html`${this.announcement(this.said)}
      ${this.saveError && !Object.keys(e).length ? html`<p part="error" role="alert">${this.errorText(this.saveError)}</p>` : nothing} ${formProblem(e)}
      <div class="layout">
        <form part="form" novalidate aria-label="Program rules" @input=${this.onInput} @change=${this.onInput} @submit=${(ev: Event) => this.save(ev, program, currency)}>
          <div class="field">
            <label for="name">Name</label>
            <input id="name" name="name" .value=${d.name} maxlength="120" required aria-invalid=${invalid(e, 'name')} aria-describedby=${describedBy(e, 'name')} />
            ${fieldError(e, 'name')}
          </div>
          <div class="field">
            <label for="description">Description <span class="muted">(partners see it)</span></label>
            <textarea id="description" name="description" .value=${d.description} aria-invalid=${invalid(e, 'description')} aria-describedby=${describedBy(e, 'description')}></textarea>
            ${fieldError(e, 'description')}
          </div>
          <fieldset>
            <legend>Sale commission</legend>
            <div class="row">
              <label>Paid as
                <select name="saleType" .value=${d.saleType}>
                  <option value="percent" ?selected=${d.saleType === 'percent'}>Percent of the sale</option>
                  <option value="flat" ?selected=${d.saleType === 'flat'}>Flat amount per sale</option>
                </select>
              </label>
              <div class="field">
                <label for="saleValue">${d.saleType === 'percent' ? 'Percent' : money} (${unit(d.saleType)})</label>
                <input id="saleValue" name="saleValue" inputmode="decimal" .value=${d.saleValue} aria-invalid=${invalid(e, 'saleValue')} aria-describedby=${describedBy(e, 'saleValue', true)} />
                <p class="hint" id="saleValue-hint">0 with product rates: the program pays only on those products.</p>
                ${fieldError(e, 'saleValue')}
              </div>
            </div>
          </fieldset>
          <fieldset>
            <legend>Subscriptions</legend>
            <div class="row">
              <label>Recurring payments earn
                <select name="recurringMode">
                  <option value="every" ?selected=${d.recurringMode === 'every'}>On every payment</option>
                  <option value="first_n" ?selected=${d.recurringMode === 'first_n'}>On the first payments only</option>
                  <option value="none" ?selected=${d.recurringMode === 'none'}>On the first payment only</option>
                </select>
              </label>
              ${d.recurringMode === 'first_n'
                ? html`<div class="field">
                    <label for="recurringPayments">How many payments</label>
                    <input id="recurringPayments" name="recurringPayments" inputmode="numeric" .value=${d.recurringPayments} aria-invalid=${invalid(e, 'recurringPayments')} aria-describedby=${describedBy(e, 'recurringPayments')} />
                    ${fieldError(e, 'recurringPayments')}
                  </div>`
                : nothing}
            </div>
          </fieldset>
          <fieldset>
            <legend>Second tier (paid to the referring partner's parent)</legend>
            <div class="row">
              <label>Paid as
                <select name="secondType">
                  <option value="none" ?selected=${d.secondType === 'none'}>No second tier</option>
                  <option value="percent" ?selected=${d.secondType === 'percent'}>Percent of the sale</option>
                  <option value="flat" ?selected=${d.secondType === 'flat'}>Flat amount per sale</option>
                </select>
              </label>
              ${d.secondType !== 'none'
                ? html`<div class="field">
                    <label for="secondValue">${d.secondType === 'percent' ? 'Percent' : money} (${unit(d.secondType)})</label>
                    <input id="secondValue" name="secondValue" inputmode="decimal" .value=${d.secondValue} aria-invalid=${invalid(e, 'secondValue')} aria-describedby=${describedBy(e, 'secondValue')} />
                    ${fieldError(e, 'secondValue')}
                  </div>`
                : nothing}
            </div>
          </fieldset>
          <div class="field">
            <label for="lead">Lead commission (${currency}, empty for none)</label>
            <input id="lead" name="lead" inputmode="decimal" .value=${d.lead} aria-invalid=${invalid(e, 'lead')} aria-describedby=${describedBy(e, 'lead')} />
            ${fieldError(e, 'lead')}
          </div>
          <fieldset>
            <legend>Attribution and hold</legend>
            <div class="row">
              <label>Credit goes to the
                <select name="attributionModel">
                  <option value="last_click" ?selected=${d.attributionModel === 'last_click'}>Last click</option>
                  <option value="first_click" ?selected=${d.attributionModel === 'first_click'}>First click</option>
                </select>
              </label>
              ${this.daysField('windowDays', 'Attribution window (days)')} ${this.daysField('holdDays', 'Hold before payable (days)')}
            </div>
            <p class="hint">Empty days use the settings' defaults.</p>
          </fieldset>
          <div class="row">
            <div class="field">
              <label for="priority">Priority</label>
              <input id="priority" name="priority" inputmode="numeric" .value=${d.priority} aria-invalid=${invalid(e, 'priority')} aria-describedby=${describedBy(e, 'priority', true)} />
              <p class="hint" id="priority-hint">When a partner is in several programs, the highest priority pays.</p>
              ${fieldError(e, 'priority')}
            </div>
            <label class="check"><input type="checkbox" name="openToSignup" .checked=${d.openToSignup} /> Partners who sign up join this program</label>
          </div>
          ${this.renderProductRates(currency)}
          <div class="actions">
            <button type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? 'Saving…' : program ? 'Save changes' : 'Create program'}</button>
          </div>
        </form>
        ${this.renderExample(currency)}
      </div>`;
  }

  private daysField(name: 'windowDays' | 'holdDays', label: string) {
    const e = this.errors;
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} inputmode="numeric" placeholder="Default" .value=${this.draft[name]} aria-invalid=${invalid(e, name)} aria-describedby=${describedBy(e, name)} />
      ${fieldError(e, name)}
    </div>`;
  }

  private renderProductRates(currency: string) {
    const e = this.errors;
    return html`<fieldset part="product-rates">
      <legend>Product rates (instead of the sale commission, for these products)</legend>
      ${this.draft.productRates.map((r, i) => {
        const n = i + 1;
        return html`<div class="row" data-rate=${i}>
          <div class="field">
            <label for=${`rate-${i}-productId`}>Product id ${n}</label>
            <input id=${`rate-${i}-productId`} name=${`rate-${i}-productId`} .value=${r.productId} aria-invalid=${invalid(e, `rate-${i}-productId`)} aria-describedby=${describedBy(e, `rate-${i}-productId`)} />
            ${fieldError(e, `rate-${i}-productId`)}
          </div>
          <label>Paid as
            <select name=${`rate-${i}-type`}>
              <option value="percent" ?selected=${r.type === 'percent'}>Percent</option>
              <option value="flat" ?selected=${r.type === 'flat'}>Flat (${currency})</option>
            </select>
          </label>
          <div class="field">
            <label for=${`rate-${i}-value`}>Rate ${n} (${r.type === 'percent' ? '%' : currency})</label>
            <input id=${`rate-${i}-value`} name=${`rate-${i}-value`} inputmode="decimal" .value=${r.value} aria-invalid=${invalid(e, `rate-${i}-value`)} aria-describedby=${describedBy(e, `rate-${i}-value`)} />
            ${fieldError(e, `rate-${i}-value`)}
          </div>
          <button type="button" class="secondary" aria-label=${`Remove product rate ${n}`} @click=${() => this.removeRate(i)}>Remove</button>
        </div>`;
      })}
      <div><button type="button" class="secondary" @click=${this.addRate}>Add a product rate</button></div>
    </fieldset>`;
  }

  private renderExample(currency: string) {
    const ex = this.example;
    const locale = localeOf(this);
    const m = (n: number, c = currency) => formatMoney(n, c, locale);
    let text: unknown;
    const shown = ex.state === 'done' ? ex.example : ex.state === 'calculating' ? ex.last : undefined;
    if (shown) {
      const x = shown;
      text =
        `A ${m(x.saleAmount, x.currency)} sale pays ${m(x.sale.partner, x.currency)}${x.sale.parent ? `; the parent gets ${m(x.sale.parent, x.currency)}` : ''}.` +
        (x.lead ? ` A lead pays ${m(x.lead, x.currency)}.` : '') +
        ` Payable after ${x.holdDays} day${x.holdDays === 1 ? '' : 's'}.`;
    } else if (ex.state === 'failed') text = html`<span part="example-error">The example could not be calculated: ${this.errorText(ex.error)}</span>`;
    else if (ex.state === 'invalid') text = ex.why;
    else text = 'Calculating…';
    return html`<aside part="example" class="card" aria-labelledby="example-title">
      <h3 id="example-title">Example</h3>
      <div class="field">
        <label for="exampleSale">Sale amount (${currency})</label>
        <input id="exampleSale" name="exampleSale" inputmode="decimal" .value=${this.exampleSale}
          @input=${(ev: Event) => ((this.exampleSale = (ev.target as HTMLInputElement).value), this.scheduleExample(currency))} />
      </div>
      <p part="example-text" role="status" aria-live="polite" aria-busy=${ex.state === 'calculating' ? 'true' : 'false'}>${text}</p>
      ${ex.state === 'calculating' && ex.last ? html`<p class="hint" aria-hidden="true">Updating…</p>` : nothing}
      <p class="hint">Priced by the commission engine itself, for a partner with a parent.</p>
    </aside>`;
  }

  private onInput = (ev: Event) => {
    const target = ev.target as HTMLInputElement;
    const name = target.name;
    if (!name || name === 'exampleSale') return;
    const value = target.type === 'checkbox' ? target.checked : target.value;
    const rate = /^rate-(\d+)-(productId|type|value)$/.exec(name);
    if (rate) {
      const rates = this.draft.productRates.map((r, i) => (i === Number(rate[1]) ? { ...r, [rate[2]!]: value } : r));
      this.draft = { ...this.draft, productRates: rates };
    } else {
      this.draft = { ...this.draft, [name]: value };
    }
    if (this.errors[name]) this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => k !== name));
    this.said = undefined;
    if (this.data.value) this.scheduleExample(this.data.value.currency);
  };

  private addRate = async () => {
    this.draft = { ...this.draft, productRates: [...this.draft.productRates, { productId: '', type: 'percent', value: '' }] };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#rate-${this.draft.productRates.length - 1}-productId`)?.focus();
  };

  private removeRate(index: number) {
    this.draft = { ...this.draft, productRates: this.draft.productRates.filter((_, i) => i !== index) };
    this.errors = {};
    if (this.data.value) this.scheduleExample(this.data.value.currency);
    this.renderRoot.querySelector<HTMLElement>('[part~="product-rates"] button:last-of-type')?.focus();
  }

  /** Asks the server for the example once typing pauses; a newer draft cancels the older question. */
  private scheduleExample(currency: string, delay = EXAMPLE_DELAY_MS) {
    clearTimeout(this.#timer);
    // the name does not change what a program pays: an unnamed draft still gets its example
    const { body, errors } = bodyOf({ ...this.draft, name: this.draft.name.trim() || 'Example' }, currency);
    const saleAmount = parseAmount(this.exampleSale, currency);
    if (!body || saleAmount === undefined) {
      this.#inflight?.abort();
      this.example = { state: 'invalid', why: body ? `Enter a sale amount like ${amountText(199 * 10 ** currencyDigits(currency), currency)}.` : `To see an example: ${Object.values(errors)[0]}.` };
      return;
    }
    const last = this.example.state === 'done' ? this.example.example : this.example.state === 'calculating' ? this.example.last : undefined;
    this.example = { state: 'calculating', last };
    this.#timer = setTimeout(async () => {
      this.#inflight?.abort();
      const inflight = (this.#inflight = new AbortController());
      try {
        const example = await this.client.programExample({ program: body, saleAmount }, { signal: inflight.signal });
        if (!inflight.signal.aborted) this.example = { state: 'done', example };
      } catch (error) {
        if (inflight.signal.aborted) return;
        const field = serverFieldError(error, draftField);
        this.example = field ? { state: 'invalid', why: 'Fix the highlighted rules to see an example.' } : { state: 'failed', error };
        if (field) this.errors = { ...this.errors, ...field };
      }
    }, delay);
  }

  private async save(ev: Event, program: Program | null, currency: string) {
    ev.preventDefault();
    if (this.saving) return;
    const { body, errors } = bodyOf(this.draft, currency);
    this.said = this.saveError = undefined;
    this.errors = errors;
    if (!body) {
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot as ShadowRoot);
      return;
    }
    this.saving = true;
    try {
      if (program) {
        const patch = patchOf(body, program, currency);
        if (!Object.keys(patch).length) {
          this.said = 'Nothing to save: no rule changed.';
          return;
        }
        const saved = await this.client.updateProgram(program.id, patch);
        this.data.run(); // shows the program as saved
        this.said = `${saved.name} is saved. New sales follow these rules; commissions already recorded keep theirs.`;
      } else {
        const created = await this.client.createProgram(body);
        this.said = `${created.name} is created.`;
        this.navigate([String(created.id)], {}, { replace: true });
        this.programId = created.id;
      }
    } catch (error) {
      this.saveError = error;
      this.errors = serverFieldError(error, draftField) ?? {};
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot as ShadowRoot);
    } finally {
      this.saving = false;
    }
  }
}
