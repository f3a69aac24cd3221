/** `<partner-center>` opened another section. */
export class PartnerSectionChangeEvent extends Event {
  constructor(readonly detail: { section: 'home' | 'resources' | 'reports' }) {
    super('partner-section-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-section-change': PartnerSectionChangeEvent;
  }
}
