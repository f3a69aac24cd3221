import { msg, str } from '@lit/localize';
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { PartnerCopyEvent, type CopyKind } from '../events/partner-copy.js';
import { copyText } from './clipboard.js';

/** How long a button says "Copied". */
export const COPIED_MS = 2500;

/**
 * Copy-to-clipboard for an element: copies, shows "Copied" on the button that did it (visible),
 * says so in a polite live region (announced), and fires `partner-copy`.
 */
export class CopyController implements ReactiveController {
  /** Key of the button that just copied, and whether it worked. */
  private last?: { key: string; ok: boolean };
  /** The live region's text. */
  message = '';
  #timer?: ReturnType<typeof setTimeout>;
  #flip = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  /** Says something in the live region (a repeated message is announced again). */
  announce(message: string) {
    this.#flip = !this.#flip;
    this.message = `${message}${this.#flip ? '' : '\u00a0'}`;
    this.host.requestUpdate();
  }

  async copy(key: string, text: string, kind: CopyKind, what: string) {
    let ok = true;
    try {
      await copyText(text);
    } catch {
      ok = false;
    }
    this.last = { key, ok };
    this.announce(ok ? msg(str`${what} copied to the clipboard`) : msg('Could not copy. Select the text and press Ctrl+C (⌘C on a Mac).'));
    if (ok) this.host.dispatchEvent(new PartnerCopyEvent({ kind, text }));
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.last = undefined;
      this.host.requestUpdate();
    }, COPIED_MS);
    return ok;
  }

  /** `Copied`, `Copy failed` or the idle label, for the button with this key. */
  state(key: string): 'copied' | 'failed' | undefined {
    if (this.last?.key !== key) return undefined;
    return this.last.ok ? 'copied' : 'failed';
  }

  /**
   * A copy button's content: the idle label (with `hidden` context for screen readers, e.g.
   * which link), or the visible confirmation; the live region says what was copied.
   */
  label(key: string, idle: string, hidden?: string) {
    const state = this.state(key);
    if (state === 'copied') return html`<span aria-hidden="true">✓</span> Copied`;
    if (state === 'failed') return msg('Copy failed');
    return html`${idle}${hidden ? html`<span class="visually-hidden"> ${hidden}</span>` : ''}`;
  }

  /** The live region; render it once, always (even empty), so changes are announced. */
  announcer() {
    return html`<p part="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</p>`;
  }
}
