import type { LoginResult, Partner } from './api/types.js';

export interface SessionState {
  token: string;
  expiresAt: string;
  partner: Partner;
}

export type SessionEndReason = 'logout' | 'expired';
export type SessionListener = (state: SessionState | null, reason?: SessionEndReason) => void;

const STORAGE_KEY = 'partner-center:session';

/**
 * The one sign-in state of the page. Every element subscribes to it, so signing in or out in
 * one widget updates all of them. Kept in sessionStorage so a reload stays signed in, and
 * forgotten when the tab closes.
 */
export class SessionStore {
  #state: SessionState | null;
  #listeners = new Set<SessionListener>();
  #signingIn: Promise<unknown> | null = null;

  /** `storage`: where the session is kept; `null` keeps it in memory only. */
  constructor(private readonly storage: Storage | null = safeSessionStorage() ?? null) {
    this.#state = this.#read();
  }

  /** The session, or null when signed out or expired. */
  get current(): SessionState | null {
    if (this.#state && Date.parse(this.#state.expiresAt) <= Date.now()) this.end('expired');
    return this.#state;
  }

  /**
   * A sign-in is under way that needs no form (an embed token being exchanged): elements show a
   * neutral "Signing you in…" instead of the login form until it settles.
   */
  get signingIn(): boolean {
    return this.#signingIn !== null;
  }

  /** Marks `signIn` as under way (see `signingIn`) until it settles; returns it. */
  waitFor<T>(signIn: Promise<T>): Promise<T> {
    const pending: Promise<T> = signIn.finally(() => {
      if (this.#signingIn !== pending) return;
      this.#signingIn = null;
      this.#notify();
    });
    this.#signingIn = pending;
    this.#notify();
    return pending;
  }

  get token(): string | undefined {
    return this.current?.token;
  }

  start(result: LoginResult) {
    this.#state = { token: result.token, expiresAt: result.expiresAt, partner: result.partner };
    this.#write();
    this.#notify();
  }

  /** Updates the partner shown (after a profile change) without touching the token. */
  updatePartner(partner: Partner) {
    if (!this.#state) return;
    this.#state = { ...this.#state, partner };
    this.#write();
    this.#notify();
  }

  end(reason: SessionEndReason = 'logout') {
    if (!this.#state) return;
    this.#state = null;
    this.#write();
    this.#notify(reason);
  }

  subscribe(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(reason?: SessionEndReason) {
    for (const listener of [...this.#listeners]) listener(this.#state, reason);
  }

  #read(): SessionState | null {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      if (!raw) return null;
      const state = JSON.parse(raw) as SessionState;
      if (typeof state?.token !== 'string' || typeof state.expiresAt !== 'string' || !state.partner) return null;
      return Date.parse(state.expiresAt) > Date.now() ? state : null;
    } catch {
      return null;
    }
  }

  #write() {
    try {
      if (this.#state) this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.#state));
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // storage full or blocked (private mode): the session lives in memory only
    }
  }
}

function safeSessionStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // sandboxed iframes throw on access
  }
}

const KEY = Symbol.for('partner-center.session');

/** The page's session store, shared even by elements from separately loaded bundles. */
export function sessionStore(): SessionStore {
  const g = globalThis as { [KEY]?: SessionStore };
  return (g[KEY] ??= new SessionStore());
}
