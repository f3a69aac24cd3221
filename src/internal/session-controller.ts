import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerApi } from '../api/types.js';
import { PartnerLogoutEvent } from '../events/partner-logout.js';
import { sessionStore, type SessionEndReason, type SessionState } from '../session.js';

/** Re-renders its host whenever the page's session changes. */
export class SessionController implements ReactiveController {
  #unsubscribe?: () => void;
  readonly store = sessionStore();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange?: (state: SessionState | null, reason?: SessionEndReason) => void,
  ) {
    host.addController(this);
  }

  get state(): SessionState | null {
    return this.store.current;
  }

  get signedIn(): boolean {
    return this.state !== null;
  }

  /**
   * Signs out everywhere on the page: tells the server (whatever it answers, the token is
   * dropped here), ends the shared session, and fires `partner-logout` from `from`.
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
    this.#unsubscribe = this.store.subscribe((state, reason) => {
      this.onChange?.(state, reason);
      this.host.requestUpdate();
    });
  }

  hostDisconnected() {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
