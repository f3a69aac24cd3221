import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long an element further down waits for the partner to scroll to it before it reads anyway. */
const LATER_MS = 3_000;

/**
 * Whether the element may read now: once it comes within 200 px of the viewport, or
 * {@link LATER_MS} after it was connected. An element further down the page waits with its reads,
 * so the first view's requests go first and alone; it is still filled in soon without scrolling.
 * Without IntersectionObserver, at once.
 */
export class NearViewportController implements ReactiveController {
  /** True from the first time the element was near the viewport (or had waited long enough) on. */
  near = typeof IntersectionObserver === 'undefined';
  #observer?: IntersectionObserver;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected() {
    if (this.near) return;
    this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.#now(), { rootMargin: '200px 0px' });
    this.#observer.observe(this.host);
    this.#timer = setTimeout(() => this.#now(), LATER_MS);
  }

  hostDisconnected() {
    this.#observer?.disconnect();
    clearTimeout(this.#timer);
  }

  #now() {
    this.near = true;
    this.hostDisconnected();
    this.host.requestUpdate();
  }
}
