/** How the autoloader fetches an element's file; `import()` in the page. */
export type Importer = (url: string) => Promise<unknown>;

export interface AutoloaderOptions {
  /** The URL of a tag's file (`components/<tag>.js` beside the loader). */
  url: (tag: string) => string;
  /** Loads a file (default: a dynamic `import()`). */
  importer?: Importer;
}

/** The attribute set on an element whose file could not be loaded (its content is then the message). */
export const LOAD_FAILED_ATTRIBUTE = 'data-partner-load-failed';

const nativeImport: Importer = (url) => import(/* @vite-ignore */ url);

/**
 * Defines each `partner-*` element when one first appears: in the page, and inside the open
 * shadow roots of other elements (a `partner-*` element that renders another, or a host's own web
 * component). Shadow roots cannot be seen being attached without patching `attachShadow`, so each
 * element's open shadow root is scanned and observed once it exists (at once, or when its custom
 * element is defined). A file that fails to load (e.g. a 404 after the server was redeployed) is
 * tried once more with a cache-busting query, then the elements waiting for it say so, in their
 * own light DOM, with a `role="alert"` message.
 */
export class Autoloader {
  readonly #requested = new Map<string, Promise<CustomElementConstructor>>();
  readonly #roots = new Set<Document | ShadowRoot>();
  readonly #failed = new Set<string>();
  readonly #importer: Importer;
  readonly #observers: MutationObserver[] = [];

  constructor(private readonly options: AutoloaderOptions) {
    this.#importer = options.importer ?? nativeImport;
  }

  /** Starts watching a document (or shadow root) and everything it contains. */
  watch(root: Document | ShadowRoot) {
    if (this.#roots.has(root)) return;
    this.#roots.add(root);
    const observer = new MutationObserver((mutations) => {
      for (const m of mutations) for (const node of m.addedNodes) if (node instanceof Element) this.#scan(node);
    });
    observer.observe(root, { childList: true, subtree: true });
    this.#observers.push(observer);
    for (const el of root.querySelectorAll('*')) this.#visit(el);
  }

  /** Stops watching (files already requested still load). */
  stop() {
    for (const observer of this.#observers.splice(0)) observer.disconnect();
    this.#roots.clear();
  }

  /**
   * Loads (once) the file that defines `tag` and resolves with its class when it is defined;
   * rejects when the file could not be loaded after one retry.
   */
  load(tag: string): Promise<CustomElementConstructor> {
    const name = String(tag).toLowerCase();
    if (!name.startsWith('partner-')) return Promise.reject(new TypeError(`[partner-center] not a partner-* element: <${name}>`));
    const defined = customElements.get(name);
    if (defined) return Promise.resolve(defined);
    let request = this.#requested.get(name);
    if (!request) {
      const url = this.options.url(name);
      request = this.#importer(url)
        .catch(() => this.#importer(bust(url)))
        .then(
          () => customElements.whenDefined(name),
          (error: unknown) => {
            this.#failed.add(name);
            console.warn(`[partner-center] <${name}> could not be loaded`, error);
            this.#reportAll(name);
            throw error;
          },
        );
      this.#requested.set(name, request);
    }
    return request;
  }

  #scan(el: Element) {
    this.#visit(el);
    for (const child of el.querySelectorAll('*')) this.#visit(child);
  }

  #visit(el: Element) {
    if (!this.#observers.length) return;
    const tag = el.localName;
    if (!tag.includes('-')) return;
    if (tag.startsWith('partner-') && !customElements.get(tag)) {
      if (this.#failed.has(tag)) this.#report(el);
      else this.load(tag).catch(() => undefined);
    }
    if (el.shadowRoot) this.watch(el.shadowRoot);
    // not upgraded yet: its shadow root (if open) exists once it is
    else if (!customElements.get(tag)) void customElements.whenDefined(tag).then(() => el.shadowRoot && this.watch(el.shadowRoot));
  }

  #reportAll(tag: string) {
    for (const root of this.#roots) for (const el of root.querySelectorAll(tag)) this.#report(el);
  }

  /** Replaces the undefined element's content with a visible, announced message. */
  #report(el: Element) {
    if (customElements.get(el.localName) || el.hasAttribute(LOAD_FAILED_ATTRIBUTE)) return;
    el.setAttribute(LOAD_FAILED_ATTRIBUTE, '');
    const p = el.ownerDocument.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = 'This part of the page could not be loaded. Reload the page to try again.';
    el.replaceChildren(p);
    // in the page's language once msg() is at hand: @lit/localize lives in the elements' shared
    // core, which loader.js does not download up front (a page that never fails never pays for it)
    void import('@lit/localize').then(({ msg }) => {
      const text = msg('This part of the page could not be loaded. Reload the page to try again.');
      if (p.textContent !== text) p.textContent = text;
    }, () => undefined);
  }
}

/** The same URL with a query that no cache has seen. */
function bust(url: string) {
  const u = new URL(url, document.baseURI);
  u.searchParams.set('retry', String(Date.now()));
  return u.href;
}
