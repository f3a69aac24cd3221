import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { messageOf } from '../../src/api/errors.js';
import type { CommissionNotice, NotificationPatch, NotificationPreferences } from '../../src/api/types.js';
import type { NotificationsPanel } from './partner-profile.notifications.js';

// The notification choices of My Profile: loaded by the panel (partner-profile.notifications.ts)
// with the partner's preferences, the first time they open it.

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

/** The choices as a form, or the note that the program sends none. */
export function notificationsForm(panel: NotificationsPanel, p: NotificationPreferences) {
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
  return html`<form part="notifications-form" novalidate @submit=${(event: SubmitEvent) => save(panel, event)} @change=${() => (panel.saved = '')} aria-busy=${panel.saving ? 'true' : 'false'}>
    ${panel.error ? html`<p part="error" role="alert" tabindex="-1">${messageOf(panel.error)}</p>` : nothing}
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
          ${p.available.payment ? checkbox('payment', msg('Payments sent'), msg('When a payment to you is sent.'), p.payment) : nothing}
          ${p.available.statement ? checkbox('statement', msg('Monthly statement'), msg("The month's earnings, payments and balance, with a CSV."), p.statement) : nothing}
        </fieldset>`
      : nothing}
    ${note}
    <div class="actions">
      <button type="submit" aria-disabled=${panel.saving ? 'true' : 'false'}>${panel.saving ? msg('Saving…') : msg('Save notification choices')}</button>
    </div>
    ${panel.saved ? html`<p part="status" role="status">${panel.saved}</p>` : nothing}
  </form>`;
}

function checkbox(name: 'payment' | 'statement', label: string, hint: string, checked: boolean) {
  return html`<div class="choice">
    <input type="checkbox" id="notify-${name}" name=${name} .checked=${checked} aria-describedby="notify-${name}-hint" />
    <label for="notify-${name}">${label}</label>
    <p class="hint" id="notify-${name}-hint">${hint}</p>
  </div>`;
}

async function save(panel: NotificationsPanel, event: SubmitEvent) {
  event.preventDefault();
  const current = panel.current;
  if (panel.saving || !current) return;
  const data = new FormData(event.target as HTMLFormElement);
  // only the kinds the program sends: the others are not the partner's to change
  const patch: NotificationPatch = {};
  if (current.available.commission) patch.commission = (data.get('commission') as CommissionNotice | null) ?? current.commission;
  if (current.available.payment) patch.payment = data.has('payment');
  if (current.available.statement) patch.statement = data.has('statement');
  panel.saving = true;
  panel.saved = '';
  panel.error = undefined;
  panel.host.requestUpdate();
  try {
    const answer = await panel.client().updateNotifications(patch);
    panel.latest = answer;
    panel.saved = msg('Your notification choices were saved.');
  } catch (error) {
    panel.error = error;
  } finally {
    panel.saving = false;
    panel.host.requestUpdate();
  }
  if (panel.error) {
    await panel.host.updateComplete;
    panel.query('[part~="notifications-form"] [part~="error"]')?.focus();
  }
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
