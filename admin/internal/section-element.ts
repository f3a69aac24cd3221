import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiError, messageOf } from '../../src/api/errors.js';
import { errorView } from '../../src/internal/states.js';
import { AdminElement } from './admin-element.js';
import { EMPTY_ROUTE, PartnerAdminNavigateEvent, type SectionRoute } from './route.js';

/**
 * A console section (`<partner-admin-partners>`, …): the shell hands it its part of the URL
 * (`route`); it asks for a new one with `navigate()`, which also works on its own on a page.
 */
export class SectionElement extends AdminElement {
  /** This section's view and filters (from the URL hash when inside `<partner-admin>`). */
  @property({ attribute: false }) route: SectionRoute = EMPTY_ROUTE;

  /** Moves to another view of this section; `replace` for filter typing (no history entry). */
  protected navigate(path: string[], params: Record<string, string>, { replace = false } = {}) {
    const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined));
    this.route = { path, params: clean };
    this.emit(new PartnerAdminNavigateEvent({ path, params: clean, replace }));
    if (!replace) void this.updateComplete.then(() => this.focusHeading());
  }

  /** A filter field's change handler: its value (trimmed) into this view's URL parameter `name`, without a history entry. */
  protected filterParam(name: string) {
    return (e: Event) => this.navigate(this.route.path, { ...this.route.params, [name]: (e.target as HTMLInputElement).value.trim() }, { replace: true });
  }

  /** Puts focus on the current view's heading (after a navigation), so screen readers read where they are. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2[tabindex], h3[tabindex]')?.focus();
  }

  /** Signed out, refused for this role, or failed: each said on purpose. */
  protected failure(error: unknown, retry: () => void): TemplateResult {
    if (error instanceof ApiError && error.status === 403) {
      return html`<p part="forbidden" role="alert">
        ${error.message || 'Your role does not allow this.'} Ask an owner of this console if you need it.
      </p>`;
    }
    return errorView(error, retry);
  }

  /** A check of ours (a sentence) or what the server said. */
  protected errorText(error: unknown): string {
    return typeof error === 'string' ? error : messageOf(error);
  }

  protected signedOutView(): TemplateResult {
    return html`<p part="signed-out" class="notice">Sign in to the console to see this.</p>`;
  }

  /** A polite live region: what just happened (saved, approved…). */
  protected announcement(message: string | undefined) {
    return html`<p part="announcement" role="status" class="visually-hidden-empty">${message ?? nothing}</p>`;
  }
}
