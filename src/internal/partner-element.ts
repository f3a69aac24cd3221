import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { apiFor } from '../api/client.js';
import type { PartnerApi } from '../api/types.js';
import { resolveApiBase } from '../config.js';
import type { SessionStore } from '../session.js';
import { followPageLanguage } from './localize.js';
import { SessionController } from './session-controller.js';

/** The tags on the page waiting for their own task (see {@link deferDefinitions}). */
let deferred: [string, CustomElementConstructor][] | undefined;

/**
 * The full bundle defines every element at once; on a page that holds many, their upgrades and
 * first renders would make one long task (the main thread blocked, input waiting — Lighthouse's
 * Total Blocking Time). From this call until {@link defineDeferred}, a tag that is already on the
 * page is queued instead of defined; tags not on the page (those other elements render in their
 * shadow roots) are defined at once, as before.
 */
export function deferDefinitions() {
  deferred ??= [];
}

/**
 * Defines the queued tags in the order they first appear on the page: the first now (the top of
 * the page is in the first paint), each other in a task of its own, so the browser can paint and
 * answer input in between. Until its task, a tag is `:not(:defined)`: the room a page reserves
 * for it stays reserved.
 */
export function defineDeferred() {
  const queue = deferred ?? [];
  deferred = undefined;
  const first = (tag: string) => document.querySelector(tag);
  queue.sort(([a], [b]) => {
    const [x, y] = [first(a), first(b)];
    return x && y && x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1;
  });
  const next = () => {
    const [name, element] = queue.shift()!;
    if (!customElements.get(name)) customElements.define(name, element);
  };
  // the first at once: the top of the page is in the first paint, as without the queue
  if (queue.length) next();
  if (!queue.length) return;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    next();
    if (queue.length) channel.port2.postMessage(0);
    else channel.port1.close();
  };
  channel.port2.postMessage(0);
}

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

  /**
   * Registers the element under `name` unless something already did — or, while the full bundle
   * boots ({@link deferDefinitions}), queues it when the page already holds one.
   */
  static define(name: string) {
    if (customElements.get(name)) return;
    if (deferred && document.querySelector(name)) {
      if (!deferred.some(([tag]) => tag === name)) deferred.push([name, this]);
    } else customElements.define(name, this);
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

  /** @internal The page's session as this element sees it (public for its lazily loaded view). */
  readonly session = new SessionController(this, undefined, () => this.sessionStore);

  /** @internal The client this element talks through (public for its lazily loaded view). */
  get client(): PartnerApi {
    return this.api ?? apiFor(resolveApiBase(this.apiBase), this.session.store);
  }

  /** Parts of this element still loading (src/internal/lazy-part.ts). */
  #loads = new Set<Promise<unknown>>();

  /** `updateComplete` waits for `load` too, and for the update after it. */
  waitFor(load: Promise<unknown>) {
    this.#loads.add(load);
    const done = () => void this.#loads.delete(load);
    load.then(done, done);
  }

  /** Also waits for the parts being loaded and the updates that show them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#loads.size) {
      await Promise.allSettled(this.#loads);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** @internal Dispatches a (bubbling, composed) event from this element and returns it. */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
