import type { Partner } from '../api/types.js';

/** The partner saved their profile. */
export class PartnerProfileSavedEvent extends Event {
  constructor(readonly detail: { partner: Partner }) {
    super('partner-profile-saved', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-profile-saved': PartnerProfileSavedEvent;
  }
}
