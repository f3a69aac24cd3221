/** `<partner-reports>`: the partner opened another report tab. */
export class PartnerTabChangeEvent extends Event {
  constructor(readonly detail: { tab: string }) {
    super('partner-tab-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-tab-change': PartnerTabChangeEvent;
  }
}
