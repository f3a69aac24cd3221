import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { apiFor } from '../api/client.js';
import type { PartnerApi } from '../api/types.js';
import { resolveApiBase } from '../config.js';
import type { SessionStore } from '../session.js';
import { followPageLanguage } from './localize.js';
import { SessionController } from './session-controller.js';

/**
 * The base of every `partner-*` element: idempotent registration, typed events, the API
 * client (set directly, provided by an enclosing element, or built from `api-base`), and the
 * page's shared session. Every element speaks the page's language (`lang`, see
 * src/internal/localize.ts) and re-renders when it changes.
 */
export class PartnerElement extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback() {
    super.connectedCallback();
    void followPageLanguage(this);
  }

  /** Registers the element under `name` unless something already did. */
  static define(name: string) {
    if (!customElements.get(name)) customElements.define(name, this);
  }

  /** Base URL of the Partner Center server, e.g. `https://partners.example.com`. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /**
   * The API client. `<partner-center>` hands its own to the widgets it renders; tests and
   * stories set a fake; otherwise it is made from `api-base`.
   */
  @property({ attribute: false })
  api?: PartnerApi;

  /**
   * The session this element shows and signs in to. By default every element on the page
   * shares one (kept in sessionStorage); give elements a `SessionStore` of their own to keep
   * them apart — e.g. one per Storybook story, or `new SessionStore(null)` to keep it in memory.
   */
  @property({ attribute: false })
  sessionStore?: SessionStore;

  protected readonly session = new SessionController(this, undefined, () => this.sessionStore);

  /** The client this element talks through. */
  protected get client(): PartnerApi {
    return this.api ?? apiFor(resolveApiBase(this.apiBase), this.session.store);
  }

  /** Dispatches a (bubbling, composed) event from this element and returns it. */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
