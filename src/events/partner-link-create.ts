import type { PartnerLink } from '../api/types.js';

/** The partner created a custom deep link. */
export class PartnerLinkCreateEvent extends Event {
  constructor(readonly detail: { link: PartnerLink }) {
    super('partner-link-create', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-link-create': PartnerLinkCreateEvent;
  }
}
