/** The partner opened a resource page. */
export class PartnerResourceSelectEvent extends Event {
  constructor(readonly detail: { slug: string; title: string }) {
    super('partner-resource-select', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-resource-select': PartnerResourceSelectEvent;
  }
}
