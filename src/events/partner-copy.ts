export type CopyKind = 'link' | 'coupon' | 'banner-html' | 'email-subject' | 'email-body';

/** Something was copied to the clipboard from a resources element. */
export class PartnerCopyEvent extends Event {
  constructor(readonly detail: { kind: CopyKind; text: string }) {
    super('partner-copy', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-copy': PartnerCopyEvent;
  }
}
