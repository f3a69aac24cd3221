import { css, html, nothing } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import { currencyDigits, toDecimal } from '../../src/format.js';

/**
 * What the console's forms share: amounts typed in major units ("19.90") read into minor units
 * with the currency's digits, percents into basis points, and a field's error shown under it
 * (aria-invalid + aria-describedby) — the server's `field` mapped onto the form's own names.
 */

/** Field name → the sentence shown under it. */
export type FieldErrors = Record<string, string>;

/** 1990 (USD) → "19.90"; 500 (JPY) → "500". */
export const amountText = (minor: number, currency: string) => toDecimal(minor, currencyDigits(currency));

/** "19.9" / "19.90" / "1,990.00" → 1990 for USD; undefined when it is not an amount in that currency. */
export function parseAmount(text: string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const match = /^(\d{1,9})(?:\.(\d+))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match || (match[2] ?? '').length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
}

/** 1250 → "12.5" (percent, without the sign). */
export const percentText = (bps: number) => String(bps / 100);

/** "12.5" / "12.5%" → 1250; undefined unless a percent from 0 to 100 with at most two decimals. */
export function parsePercent(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return undefined;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : undefined;
}

/** "30" → 30 when a whole number within [min, max]; else undefined. */
export function parseWhole(text: string, min: number, max: number): number | undefined {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= min && n <= max ? n : undefined;
}

/**
 * A server validation error shown by its field: `nameOf` maps the API's field
 * (`allowedOrigins.2`, `saleCommission.value`) to the form's name; undefined when it names none.
 */
export function serverFieldError(error: unknown, nameOf: (field: string) => string | undefined): FieldErrors | undefined {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409) || !error.field) return undefined;
  const name = nameOf(error.field);
  if (!name) return undefined;
  const message = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  return { [name]: message.charAt(0).toUpperCase() + message.slice(1) };
}

/** The attributes of a control that may be in error: `aria-invalid`, and its error (and hint) as description. */
export const invalid = (errors: FieldErrors, name: string) => (errors[name] ? 'true' : 'false');
export const describedBy = (errors: FieldErrors, name: string, hint?: boolean) =>
  [errors[name] ? `${name}-error` : '', hint ? `${name}-hint` : ''].filter(Boolean).join(' ') || nothing;

/** The error under a field (its id is what `describedBy` names). */
export const fieldError = (errors: FieldErrors, name: string) =>
  errors[name] ? html`<p class="field-error" part="field-error" id=${`${name}-error`}>${errors[name]}</p>` : nothing;

/** Says the form was not sent and why, once, for screen readers and everyone (role="alert"). */
export const formProblem = (errors: FieldErrors) => {
  const count = Object.keys(errors).length;
  return count
    ? html`<p part="form-error" role="alert">${count === 1 ? 'One field needs fixing' : `${count} fields need fixing`}: ${Object.values(errors)[0]}</p>`
    : nothing;
};

/** Moves focus to the first control marked invalid (after the errors render). */
export function focusFirstInvalid(root: ShadowRoot | HTMLElement) {
  root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

export const formStyles = css`
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  .field > label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m);
    margin: 0;
    display: grid;
    gap: var(--_space-s);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    align-items: end;
  }
  .row > * {
    flex: 1 1 10rem;
  }
  label.check {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    font-weight: 400;
  }
  label.check input {
    width: auto;
    min-height: 0;
  }
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
`;
