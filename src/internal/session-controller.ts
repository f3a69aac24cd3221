import type { ReactiveController, ReactiveControllerHost } from 'lit';
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
