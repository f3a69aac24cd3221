import type { PartnerSection } from './partner-section-change.js';

/**
 * A widget asks the portal around it to open a section (and a view in it), e.g. the overview's
 * getting-started list: "pick a banner" → `{ section: 'resources', view: 'banners' }`.
 * `<partner-center>` routes it; alone on a page, nobody listens and nothing happens.
 */
export class PartnerNavigateEvent extends Event {
  constructor(readonly detail: { section: PartnerSection; view?: string }) {
    super('partner-navigate', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-navigate': PartnerNavigateEvent;
  }
}
