/** Where a `partner-navigate` event asks to go: a section of `<partner-center>` and, optionally, a view in it. */
export interface PartnerNavigateDetail {
  section: 'home' | 'resources' | 'reports' | 'payouts';
  /** A view inside the section, e.g. `links` or `banners` in resources, `profile` in home. */
  view?: string;
}

/**
 * An element asks to show another part of the portal (e.g. the getting-started list's "Pick a
 * banner"). `<partner-center>` routes it; a host page with its own navigation listens for it.
 * Cancelable: a listener that handles it calls `preventDefault()`.
 */
export class PartnerNavigateEvent extends Event {
  constructor(readonly detail: PartnerNavigateDetail) {
    super('partner-navigate', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-navigate': PartnerNavigateEvent;
  }
}
