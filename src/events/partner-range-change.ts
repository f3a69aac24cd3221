/** The partner chose another date range in a report. `from`/`to` are ISO instants, absent for an open end. */
export class PartnerRangeChangeEvent extends Event {
  constructor(readonly detail: { preset: 'this-month' | 'last-month' | 'this-year' | 'all' | 'custom'; from?: string; to?: string }) {
    super('partner-range-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-range-change': PartnerRangeChangeEvent;
  }
}
