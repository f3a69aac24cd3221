import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { DateRangeQuery } from '../api/types.js';
import { formatDateRange } from '../format.js';

/**
 * The date range of a report, chosen by preset (this month, last month, this year, all time)
 * or as a custom pair of dates. Days are the reader's local days: the range goes to the server
 * as instants with the local offset, so "this month" means this month where the partner is.
 */
export type RangePreset = 'this-month' | 'last-month' | 'this-year' | 'all' | 'custom';

/** The presets with their labels in the page's language (a function: the words are read at render time). */
export const presets = (): { value: RangePreset; label: string }[] => [
  { value: 'this-month', label: msg('This month') },
  { value: 'last-month', label: msg('Last month') },
  { value: 'this-year', label: msg('This year') },
  { value: 'all', label: msg('All time') },
  { value: 'custom', label: msg('Custom range…') },
];

const PRESET_VALUES: readonly RangePreset[] = ['this-month', 'last-month', 'this-year', 'all', 'custom'];
export const isPreset = (v: unknown): v is RangePreset => PRESET_VALUES.includes(v as RangePreset);

export interface LocalRange {
  /** First millisecond, local time. */
  from?: Date;
  /** Last millisecond (inclusive), local time. */
  to?: Date;
}

const startOfDay = (y: number, m: number, d: number) => new Date(y, m, d, 0, 0, 0, 0);
const endOfDay = (y: number, m: number, d: number) => new Date(y, m, d, 23, 59, 59, 999);

export function presetRange(preset: Exclude<RangePreset, 'custom'>, now = new Date()): LocalRange {
  const y = now.getFullYear();
  const m = now.getMonth();
  switch (preset) {
    case 'this-month':
      return { from: startOfDay(y, m, 1), to: endOfDay(y, m + 1, 0) };
    case 'last-month':
      return { from: startOfDay(y, m - 1, 1), to: endOfDay(y, m, 0) };
    case 'this-year':
      return { from: startOfDay(y, 0, 1), to: endOfDay(y, 11, 31) };
    default:
      return {};
  }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant written in local time with its offset: 2026-01-31T23:59:59.999+01:00. */
export function localIso(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** A local day as a date input value: 2026-01-31. */
export const dayValue = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A date input value as the first (or last) millisecond of that local day; null when not a real date. */
export function parseDay(value: string, end: boolean): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = end ? endOfDay(y, m, d) : startOfDay(y, m, d);
  return date.getFullYear() === y && date.getMonth() === m && date.getDate() === d ? date : null;
}

export const toQuery = (range: LocalRange): DateRangeQuery => ({
  ...(range.from ? { from: localIso(range.from) } : {}),
  ...(range.to ? { to: localIso(range.to) } : {}),
});

const MIN_DAY = '2000-01-01';
const MAX_DAY = '2099-12-31';

/** Holds the chosen range, validates custom dates and renders the picker. */
export class DateRangeController implements ReactiveController {
  preset: RangePreset = 'all';
  range: LocalRange = {};
  draft = { from: '', to: '' };
  errors: { from?: string; to?: string } = {};

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Called after the range changed (a preset chosen or a custom range applied). */
    private readonly changed: (range: LocalRange, preset: RangePreset) => void,
  ) {
    host.addController(this);
  }

  hostConnected() {}

  /** Sets a preset (used for the host's `range` attribute). */
  use(preset: RangePreset) {
    if (preset === 'custom') {
      this.preset = 'custom';
      return;
    }
    this.preset = preset;
    this.range = presetRange(preset);
  }

  get query(): DateRangeQuery {
    return toQuery(this.range);
  }

  /** Changes whenever the range does (for task arguments). */
  get key(): string {
    return `${this.range.from?.getTime() ?? ''}|${this.range.to?.getTime() ?? ''}`;
  }

  /** "Jan 1 – 31, 2026", or "all time". */
  label(locale: string): string {
    const { from, to } = this.range;
    if (from && to) return formatDateRange(from, to, locale);
    if (from) {
      const day = formatDateRange(from, from, locale);
      return msg(str`from ${day}`);
    }
    if (to) {
      const day = formatDateRange(to, to, locale);
      return msg(str`until ${day}`);
    }
    return msg('all time');
  }

  private choose = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (!isPreset(value)) return;
    this.errors = {};
    if (value === 'custom') {
      this.preset = 'custom';
      const now = new Date();
      const from = this.range.from ?? presetRange('this-month', now).from!;
      const to = this.range.to ?? now;
      this.draft = { from: dayValue(from), to: dayValue(to) };
      this.host.requestUpdate();
      void this.host.updateComplete.then(() =>
        this.host.shadowRoot?.querySelector<HTMLInputElement>('#range-from')?.focus(),
      );
      return;
    }
    this.preset = value;
    this.range = presetRange(value);
    this.host.requestUpdate();
    this.changed(this.range, value);
  };

  private apply = (event: SubmitEvent) => {
    event.preventDefault();
    const root = this.host.shadowRoot!;
    const fromInput = root.querySelector<HTMLInputElement>('#range-from')!;
    const toInput = root.querySelector<HTMLInputElement>('#range-to')!;
    this.draft = { from: fromInput.value, to: toInput.value };
    const errors: { from?: string; to?: string } = {};
    const from = parseDay(fromInput.value, false);
    const to = parseDay(toInput.value, true);
    if (fromInput.validity.badInput || (fromInput.value && !from)) errors.from = msg('Enter a complete start date.');
    else if (!fromInput.value) errors.from = msg('Enter a start date.');
    else if (fromInput.value < MIN_DAY || fromInput.value > MAX_DAY) errors.from = msg('Choose a start date between 2000 and 2099.');
    if (toInput.validity.badInput || (toInput.value && !to)) errors.to = msg('Enter a complete end date.');
    else if (!toInput.value) errors.to = msg('Enter an end date.');
    else if (toInput.value < MIN_DAY || toInput.value > MAX_DAY) errors.to = msg('Choose an end date between 2000 and 2099.');
    if (!errors.from && !errors.to && from && to && from > to) errors.to = msg('The end date must be on or after the start date.');
    this.errors = errors;
    this.host.requestUpdate();
    if (errors.from || errors.to) {
      (errors.from ? fromInput : toInput).focus();
      return;
    }
    this.range = { from: from!, to: to! };
    this.changed(this.range, 'custom');
  };

  private clear(field: 'from' | 'to') {
    if (this.errors[field]) {
      this.errors = { ...this.errors, [field]: undefined };
      this.host.requestUpdate();
    }
  }

  render() {
    const { from: fromError, to: toError } = this.errors;
    return html`<div part="range" class="range">
      <div class="field">
        <label for="range-preset">${msg('Period')}</label>
        <select id="range-preset" part="select" @change=${this.choose}>
          ${presets().map((p) => html`<option value=${p.value} ?selected=${p.value === this.preset}>${p.label}</option>`)}
        </select>
      </div>
      ${this.preset === 'custom'
        ? html`<form class="custom" part="custom-range" novalidate aria-label=${msg('Custom range')} @submit=${this.apply}>
            <div class="field">
              <label for="range-from">${msg('From')}</label>
              <input
                type="date"
                id="range-from"
                part="input"
                min=${MIN_DAY}
                max=${MAX_DAY}
                .value=${this.draft.from}
                aria-invalid=${fromError ? 'true' : 'false'}
                aria-describedby=${fromError ? 'range-from-error' : nothing}
                @input=${() => this.clear('from')}
              />
              ${fromError ? html`<p class="field-error" id="range-from-error">${fromError}</p>` : nothing}
            </div>
            <div class="field">
              <label for="range-to">${msg('To')}</label>
              <input
                type="date"
                id="range-to"
                part="input"
                min=${MIN_DAY}
                max=${MAX_DAY}
                .value=${this.draft.to}
                aria-invalid=${toError ? 'true' : 'false'}
                aria-describedby=${toError ? 'range-to-error' : nothing}
                @input=${() => this.clear('to')}
              />
              ${toError ? html`<p class="field-error" id="range-to-error">${toError}</p>` : nothing}
            </div>
            <button type="submit" class="secondary" part="apply-button">${msg('Apply')}</button>
          </form>`
        : nothing}
    </div>`;
  }
}
