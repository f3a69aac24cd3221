import { msg } from '@lit/localize';
import { adoptStyles, html, type CSSResultOrNative, type LitElement, type TemplateResult } from 'lit';
import { loadingView } from './states.js';

/** What a lazily loaded part may bring: styles adopted into its host's shadow root when it arrives. */
export interface PartModule {
  styles?: CSSResultOrNative[];
}

/** An element whose `updateComplete` also waits for the parts it is loading (see {@link LazyPart}). */
export interface LazyHost extends LitElement {
  /** Called with each load a part starts; `updateComplete` waits for the pending ones. */
  waitFor(load: Promise<unknown>): void;
}

/**
 * Code an element needs only once it shows the partner's data — its populated view and what that
 * view does — kept out of the script tag's first download (PRODUCT.md: all elements together ≤ 40
 * KB, one element ≤ 20 KB) and fetched while the data loads, so the two arrive together.
 *
 * `want()` starts the import (once) and returns the module when it is here; the host renders its
 * loading state until then. A chunk that fails to load (a 404 after the server was redeployed) is
 * tried once more; if that fails too, `render` shows the error with Try again.
 */
export class LazyPart<M, V = M> {
  #value?: V;
  #error?: unknown;
  #loading?: Promise<void>;

  constructor(
    private readonly host: LazyHost,
    private readonly importer: () => Promise<M>,
    /** Makes what the host uses from the module (default: the module itself). */
    private readonly make: (module: M) => V = (module) => module as unknown as V,
  ) {}

  /** The part, once loaded. */
  get value(): V | undefined {
    return this.#value;
  }

  /** The part is on its way (for `aria-busy`: the element is still getting ready while it is). */
  get loading(): boolean {
    return this.#loading !== undefined;
  }

  /** Starts loading the part unless it is here or on its way; returns it when it is here. */
  want(): V | undefined {
    if (this.#value !== undefined || this.#loading || this.#error !== undefined) return this.#value;
    const load = this.importer()
      .catch(() => this.importer())
      .then(
        (module) => {
          this.#value = this.make(module);
          this.#adopt((module as PartModule).styles);
        },
        (error: unknown) => {
          console.warn('[partner-center] part of an element could not be loaded', error);
          this.#error = error;
        },
      )
      .finally(() => {
        this.#loading = undefined;
        this.host.requestUpdate();
      });
    this.#loading = load;
    this.host.waitFor(load);
    return undefined;
  }

  /** The part, loading it first if needed (after a failure, tried again); rejects when it cannot be loaded. */
  async load(): Promise<V> {
    this.#error = undefined;
    this.want();
    await this.#loading;
    if (this.#value === undefined) throw this.#error;
    return this.#value;
  }

  /** The part's view once it is here; until then the host's loading view, or the error with Try again. */
  render<R>(view: (part: V) => R, loading: () => TemplateResult = () => loadingView()): R | TemplateResult {
    const part = this.want();
    if (part !== undefined) return view(part);
    if (this.#error !== undefined) {
      return html`<div part="error" role="alert" class="error-box">
        <span>${msg('This part of the page could not be loaded. Reload the page to try again.')}</span>
        <button type="button" class="secondary" @click=${this.#retry}>${msg('Try again')}</button>
      </div>`;
    }
    return loading();
  }

  #retry = () => {
    this.#error = undefined;
    this.want();
    this.host.requestUpdate();
  };

  /**
   * The part's own styles join the ones the shadow root has (constructable stylesheets: no
   * `<style>` element, so a strict CSP allows them), and stay there across reconnects.
   */
  #adopt(styles: CSSResultOrNative[] | undefined) {
    const root = this.host.renderRoot;
    if (!styles?.length || !(root instanceof ShadowRoot)) return;
    adoptStyles(root, [...(root.adoptedStyleSheets ?? []), ...styles]);
  }
}
