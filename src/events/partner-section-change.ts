/** The sections of `<partner-center>`. */
export type PartnerSection = 'home' | 'resources' | 'reports' | 'payouts';

/** `<partner-center>` opened another section (or another view inside one, e.g. a report tab). */
export class PartnerSectionChangeEvent extends Event {
  constructor(readonly detail: { section: PartnerSection; view?: string }) {
    super('partner-section-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-section-change': PartnerSectionChangeEvent;
  }
}
