import type { Partner } from '../api/types.js';

/** A partner signed in through this element. */
export class PartnerLoginEvent extends Event {
  constructor(readonly detail: { partner: Partner }) {
    super('partner-login', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-login': PartnerLoginEvent;
  }
}
