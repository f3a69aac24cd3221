import type { Partner } from '../api/types.js';

/** A new partner signed up (`status: 'pending'` waits for the merchant's approval). */
export class PartnerSignupEvent extends Event {
  constructor(readonly detail: { partner: Partner; status: 'active' | 'pending' }) {
    super('partner-signup', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-signup': PartnerSignupEvent;
  }
}
