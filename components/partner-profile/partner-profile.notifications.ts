import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { messageOf } from '../../src/api/errors.js';
import type { CommissionNotice, NotificationPatch, NotificationPreferences, PartnerApi } from '../../src/api/types.js';
import { errorView, loadingView } from '../../src/internal/states.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const commissionChoices = (): { value: CommissionNotice; label: string; hint: string }[] => [
  { value: 'immediate', label: msg('Immediately'), hint: msg('An email for each new commission.') },
  { value: 'daily', label: msg('Daily digest'), hint: msg("One email a day with the day's new commissions.") },
  { value: 'off', label: msg('Off'), hint: msg('No emails about new commissions.') },
];

/** What each kind the merchant may switch off is called, for the "not sent by the program" note. */
const KINDS = ['commission', 'payment', 'statement'] as const;
const kindNames = (): Record<(typeof KINDS)[number], string> => ({
  commission: msg('new commissions'),
  payment: msg('payments sent'),
  statement: msg('monthly statements'),
});

export const notificationStyles = css`
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: var(--_space-s) var(--_space-m) var(--_space-m);
    display: grid;
    gap: var(--_space-s);
  }
  legend {
    font-weight: 600;
    padding: 0 var(--_space-xs);
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 var(--_space-s);
    align-items: start;
  }
  .choice input {
    width: 1.25em;
    height: 1.25em;
    min-height: 0;
    margin: 0.15em 0 0;
  }
  .choice label {
    font-weight: 600;
  }
  .choice .hint {
    grid-column: 2;
  }
  [part~='notifications'] {
    display: grid;
    gap: var(--_space-m);
    justify-items: start;
  }
  [part~='notifications'] > * {
    justify-self: stretch;
  }
  [part~='notifications'] .disclosure {
    justify-self: start;
  }
`;

/**
 * The "Email notifications" part of My Profile: which emails the partner gets about new
 * commissions (immediately, a daily digest, or none), payments sent and the monthly statement.
 * Behind a disclosure button, so the profile's first view costs no extra request; kinds the
 * merchant does not send are left out and named in a note.
 */
export class NotificationsPanel {
  open = false;
  saving = false;
  saved = '';
  error?: unknown;

  private readonly prefs: Task<readonly [boolean, PartnerApi], NotificationPreferences | undefined>;

  /** The choices as the server last saved them (newer than the task's answer). */
  private latest?: NotificationPreferences;

  constructor(
    private readonly host: Host,
    private readonly client: () => PartnerApi,
  ) {
    this.prefs = new Task(host, {
      task: ([open, api], { signal }) => {
        this.latest = undefined;
        return open ? api.notifications({ signal }) : Promise.resolve(undefined);
      },
      args: () => [this.open, client()] as const,
    });
  }

  private get current() {
    return this.latest ?? this.prefs.value;
  }

  private query<T extends HTMLElement>(selector: string) {
    return this.host.renderRoot.querySelector<T>(selector);
  }

  render() {
    return html`<section part="notifications" aria-labelledby="notifications-title">
      <h3 id="notifications-title">${msg('Email notifications')}</h3>
      <button
        class="secondary disclosure"
        type="button"
        part="notifications-toggle"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="notifications-body"
        @click=${this.toggle}
      >
        ${this.open ? msg('Hide notification choices') : msg('Choose your notification emails')}
      </button>
      <div id="notifications-body" ?hidden=${!this.open}>
        ${this.open
          ? this.prefs.render({
              pending: () => (this.current ? this.renderForm(this.current) : loadingView(msg('Loading your notification choices…'))),
              error: (e) => errorView(e, () => void this.prefs.run()),
              complete: () => (this.current ? this.renderForm(this.current) : nothing),
            })
          : nothing}
      </div>
    </section>`;
  }

  private toggle = () => {
    this.open = !this.open;
    this.saved = '';
    this.error = undefined;
    this.host.requestUpdate();
  };

  private renderForm(p: NotificationPreferences) {
    const names = kindNames();
    const off = KINDS.filter((k) => !p.available[k]);
    const anyOn = off.length < 3;
    const note = off.length
      ? html`<p class="notice" part="notifications-unavailable">
          ${anyOn
            ? msg(str`The program does not send emails about ${list(off.map((k) => names[k]))}.`)
            : msg('The program sends no notification emails at the moment.')}
        </p>`
      : nothing;
    if (!anyOn) return note;
    return html`<form part="notifications-form" novalidate @submit=${this.save} @change=${() => (this.saved = '')} aria-busy=${this.saving ? 'true' : 'false'}>
      ${this.error ? html`<p part="error" role="alert" tabindex="-1">${messageOf(this.error)}</p>` : nothing}
      ${p.available.commission
        ? html`<fieldset>
            <legend>${msg('New commissions')}</legend>
            ${commissionChoices().map(
              (c) => html`<div class="choice">
                <input type="radio" id="notify-commission-${c.value}" name="commission" value=${c.value} .checked=${p.commission === c.value} aria-describedby="notify-commission-${c.value}-hint" />
                <label for="notify-commission-${c.value}">${c.label}</label>
                <p class="hint" id="notify-commission-${c.value}-hint">${c.hint}</p>
              </div>`,
            )}
          </fieldset>`
        : nothing}
      ${p.available.payment || p.available.statement
        ? html`<fieldset>
            <legend>${msg('Other emails')}</legend>
            ${p.available.payment ? this.checkbox('payment', msg('Payments sent'), msg('When a payment to you is sent.'), p.payment) : nothing}
            ${p.available.statement ? this.checkbox('statement', msg('Monthly statement'), msg("The month's earnings, payments and balance, with a CSV."), p.statement) : nothing}
          </fieldset>`
        : nothing}
      ${note}
      <div class="actions">
        <button type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? msg('Saving…') : msg('Save notification choices')}</button>
      </div>
      ${this.saved ? html`<p part="status" role="status">${this.saved}</p>` : nothing}
    </form>`;
  }

  private checkbox(name: 'payment' | 'statement', label: string, hint: string, checked: boolean) {
    return html`<div class="choice">
      <input type="checkbox" id="notify-${name}" name=${name} .checked=${checked} aria-describedby="notify-${name}-hint" />
      <label for="notify-${name}">${label}</label>
      <p class="hint" id="notify-${name}-hint">${hint}</p>
    </div>`;
  }

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const current = this.current;
    if (this.saving || !current) return;
    const data = new FormData(event.target as HTMLFormElement);
    // only the kinds the program sends: the others are not the partner's to change
    const patch: NotificationPatch = {};
    if (current.available.commission) patch.commission = (data.get('commission') as CommissionNotice | null) ?? current.commission;
    if (current.available.payment) patch.payment = data.has('payment');
    if (current.available.statement) patch.statement = data.has('statement');
    this.saving = true;
    this.saved = '';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const answer = await this.client().updateNotifications(patch);
      this.latest = answer;
      this.saved = msg('Your notification choices were saved.');
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
    if (this.error) {
      await this.host.updateComplete;
      this.query('[part~="notifications-form"] [part~="error"]')?.focus();
    }
  };
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
