import { LitElement, type ReactiveController } from 'lit';
import { property } from 'lit/decorators.js';
import { resolveApiBase } from '../../src/config.js';
import { adminApiFor } from '../api/client.js';
import { adminSession, type AdminSession, type AdminSessionState } from '../api/session.js';
import type { AdminApi } from '../api/types.js';

/** Re-renders its host when the console session starts or ends. */
class AdminSessionController implements ReactiveController {
  #unsubscribe?: () => void;
  #subscribed?: AdminSession;
  constructor(private readonly host: AdminElement) {
    host.addController(this);
  }
  hostConnected() {
    this.#follow();
  }
  hostUpdate() {
    if (this.#unsubscribe && this.#subscribed !== this.host.session) this.#follow();
  }
  hostDisconnected() {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribed = undefined;
  }
  #follow() {
    this.#unsubscribe?.();
    this.#subscribed = this.host.session;
    this.#unsubscribe = this.#subscribed.subscribe(() => this.host.requestUpdate());
  }
}

/**
 * The base of the console's `partner-admin-*` elements: registration, the admin API client
 * (given by the shell, a test or a story, else built from `api-base`) and the merchant user's
 * session (the page's one, or one given through `session`).
 */
export class AdminElement extends LitElement {
  static define(name: string) {
    if (!customElements.get(name)) customElements.define(name, this);
  }

  /** Base URL of the Partner Center server; default: where the script came from. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /** The admin API client (set by `<partner-admin>`, tests and stories). */
  @property({ attribute: false }) api?: AdminApi;

  /** The console session; by default the page's one (sessionStorage). */
  @property({ attribute: false }) adminSession?: AdminSession;

  constructor() {
    super();
    new AdminSessionController(this);
  }

  get session(): AdminSession {
    return this.adminSession ?? adminSession();
  }

  protected get signedIn(): AdminSessionState | null {
    return this.session.current;
  }

  protected get client(): AdminApi {
    return this.api ?? adminApiFor(resolveApiBase(this.apiBase), this.session);
  }

  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
