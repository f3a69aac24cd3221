import { msg } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { messageOf } from '../api/errors.js';
import type { RequestOptions } from '../api/types.js';

/**
 * Loads one list of the signed-in partner's material and renders its states on purpose:
 * signed out (no request), loading, error (with Try again), empty and complete. While a
 * reload runs, the last list stays on screen; a list is never shown to another session.
 */
export class ResourceTask<T> {
  readonly task: Task<readonly [string | undefined], { token: string; value: T }>;

  constructor(
    host: ReactiveControllerHost,
    /** The session's token (undefined: signed out). */
    private readonly token: () => string | undefined,
    load: (options: RequestOptions) => Promise<T>,
  ) {
    this.task = new Task(host, {
      task: async ([token], { signal }) => (token ? { token, value: await load({ signal }) } : initialState),
      args: () => [token()] as const,
    });
  }

  get pending() {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The loaded list of the current session, when there is one. */
  get value(): T | undefined {
    const value = this.task.value;
    const token = this.token();
    return value && token && value.token === token && this.task.status !== TaskStatus.ERROR ? value.value : undefined;
  }

  reload() {
    void this.task.run();
  }

  /** `empty` is shown for an empty list; leave it out to render every result with `complete`. */
  render(texts: { signedOut: string; loading: string; empty?: string }, complete: (value: T) => TemplateResult): TemplateResult {
    if (!this.token()) return html`<p part="signed-out">${texts.signedOut}</p>`;
    if (this.task.status === TaskStatus.ERROR) {
      return html`<div part="error" role="alert">
        <span>${messageOf(this.task.error)}</span>
        <button class="secondary" type="button" @click=${() => this.reload()}>${msg('Try again')}</button>
      </div>`;
    }
    const value = this.value;
    if (value === undefined) return html`<p part="spinner" role="status"><span class="spinner" aria-hidden="true"></span> ${texts.loading}</p>`;
    return texts.empty !== undefined && Array.isArray(value) && !value.length ? html`<p part="empty">${texts.empty}</p>` : complete(value);
  }
}
