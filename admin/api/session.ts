import type { AdminLoginResult, AdminUser } from './types.js';

export interface AdminSessionState {
  token: string;
  expiresAt: string;
  user: AdminUser;
}

type Listener = (state: AdminSessionState | null) => void;

const STORAGE_KEY = 'partner-center:admin-session';

/**
 * The merchant user's sign-in, shared by the console's elements on a page. Kept in
 * sessionStorage (a reload stays signed in; closing the tab signs out), apart from any
 * partner session on the same page.
 */
export class AdminSession {
  #state: AdminSessionState | null;
  #listeners = new Set<Listener>();

  /** `storage`: where it is kept; `null` keeps it in memory only (tests, stories). */
  constructor(private readonly storage: Storage | null = safeSessionStorage()) {
    this.#state = this.#read();
  }

  get current(): AdminSessionState | null {
    if (this.#state && Date.parse(this.#state.expiresAt) <= Date.now()) this.end();
    return this.#state;
  }

  get token(): string | undefined {
    return this.current?.token;
  }

  start(result: AdminLoginResult) {
    this.#set({ token: result.token, expiresAt: result.expiresAt, user: result.user });
  }

  end() {
    if (this.#state) this.#set(null);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #set(state: AdminSessionState | null) {
    this.#state = state;
    try {
      if (state) this.storage?.setItem(STORAGE_KEY, JSON.stringify(state));
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // storage blocked: this page only
    }
    for (const listener of [...this.#listeners]) listener(state);
  }

  #read(): AdminSessionState | null {
    try {
      const state = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? 'null') as AdminSessionState | null;
      return state && typeof state.token === 'string' && state.user && Date.parse(state.expiresAt) > Date.now() ? state : null;
    } catch {
      return null;
    }
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

const KEY = Symbol.for('partner-center.admin-session');

/** The page's one console session. */
export function adminSession(): AdminSession {
  const g = globalThis as { [KEY]?: AdminSession };
  return (g[KEY] ??= new AdminSession());
}
