import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerApi } from '../api/types.js';
import { PartnerLogoutEvent } from '../events/partner-logout.js';
import { sessionStore, type SessionEndReason, type SessionState, type SessionStore } from '../session.js';

/**
 * Re-renders its host whenever its session changes: the page's one session, or the store the
 * host was given (`sessionStore` on the element: a story, a test, or a portal with its own).
 */
export class SessionController implements ReactiveController {
  #unsubscribe?: () => void;
  #subscribed?: SessionStore;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange?: (state: SessionState | null, reason?: SessionEndReason) => void,
    /** The store the host was given, if any. */
    private readonly given: () => SessionStore | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  get store(): SessionStore {
    return this.given() ?? sessionStore();
  }

  get state(): SessionState | null {
    return this.store.current;
  }

  get signedIn(): boolean {
    return this.state !== null;
  }

  /**
   * Signs out everywhere the session is shared: tells the server (whatever it answers, the
   * token is dropped here), ends the session, and fires `partner-logout` from `from`.
   */
  async signOut(api: PartnerApi, from: EventTarget) {
    const code = this.state?.partner.code ?? '';
    try {
      await api.logout();
    } catch {
      // offline or already expired: the session still ends on this page
    }
    this.store.end('logout');
    from.dispatchEvent(new PartnerLogoutEvent({ code, reason: 'logout' }));
  }

  hostConnected() {
    this.#subscribe();
  }

  /** A new store given while connected: follow it. */
  hostUpdate() {
    if (this.#unsubscribe && this.#subscribed !== this.store) this.#subscribe();
  }

  hostDisconnected() {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = undefined;
  }

  #subscribe() {
    this.#unsubscribe?.();
    const store = this.store;
    this.#subscribed = store;
    this.#unsubscribe = store.subscribe((state, reason) => {
      this.onChange?.(state, reason);
      this.host.requestUpdate();
    });
  }
}
