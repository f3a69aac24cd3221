import type { PartnerSection } from './partner-section-change.js';

/** Where a `partner-navigate` event asks to go: a section of `<partner-center>` and, optionally, a view in it. */
export interface PartnerNavigateDetail {
  section: PartnerSection;
  /** A view inside the section, e.g. `links` or `banners` in resources, `profile` in home. */
  view?: string;
}

/**
 * A widget asks the portal around it to open a section (and a view in it), e.g. the overview's
 * getting-started list: "pick a banner" → `{ section: 'resources', view: 'banners' }`.
 * `<partner-center>` routes it; a host page with its own navigation listens for it (and calls
 * `preventDefault()` when it handles it); alone on a page, nothing happens.
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
