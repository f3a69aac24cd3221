/** The partner signed out through this element, or their session ended (`reason: 'expired'`). */
export class PartnerLogoutEvent extends Event {
  constructor(readonly detail: { code: string; reason: 'logout' | 'expired' }) {
    super('partner-logout', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-logout': PartnerLogoutEvent;
  }
}
