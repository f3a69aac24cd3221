import { msg } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import type { NotificationPreferences, PartnerApi } from '../../src/api/types.js';
import { errorView, loadingView } from '../../src/internal/states.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

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
 * Behind a disclosure button, so the profile's first view costs no extra request, nor the
 * form's code (partner-profile.notifications-form.ts, loaded with the preferences); kinds the
 * merchant does not send are left out and named in a note.
 */
export class NotificationsPanel {
  open = false;
  saving = false;
  saved = '';
  error?: unknown;

  private readonly prefs: Task<readonly [boolean, PartnerApi], NotificationPreferences | undefined>;

  /** The choices as the server last saved them (newer than the task's answer). */
  latest?: NotificationPreferences;

  /** The form (partner-profile.notifications-form.ts), loaded with the preferences. */
  private form?: typeof import('./partner-profile.notifications-form.js');

  constructor(
    readonly host: Host,
    readonly client: () => PartnerApi,
  ) {
    this.prefs = new Task(host, {
      task: async ([open, api], { signal }) => {
        this.latest = undefined;
        if (!open) return undefined;
        // the form's code comes with the preferences, the first time the panel opens
        const [form, preferences] = await Promise.all([import('./partner-profile.notifications-form.js'), api.notifications({ signal })]);
        this.form = form;
        return preferences;
      },
      args: () => [this.open, client()] as const,
    });
  }

  get current() {
    return this.latest ?? this.prefs.value;
  }

  query<T extends HTMLElement>(selector: string) {
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
              pending: () => (this.current && this.form ? this.form.notificationsForm(this, this.current) : loadingView(msg('Loading your notification choices…'))),
              error: (e) => errorView(e, () => void this.prefs.run()),
              complete: () => (this.current && this.form ? this.form.notificationsForm(this, this.current) : nothing),
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
}
