import type { ReportName } from '../api/types.js';

/** A report was downloaded as a CSV file. */
export class PartnerDownloadEvent extends Event {
  constructor(readonly detail: { report: ReportName; filename: string; size: number }) {
    super('partner-download', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-download': PartnerDownloadEvent;
  }
}
