/** The partner chose a new password with an emailed reset link (every session of theirs has ended). */
export class PartnerPasswordResetEvent extends Event {
  constructor(readonly detail: Record<string, never> = {}) {
    super('partner-password-reset', { bubbles: true, composed: true });
  }
}

/** The partner asked to go back to the sign-in form (from the reset forms inside `<partner-login>`). */
export class PartnerBackToSignInEvent extends Event {
  constructor(readonly detail: Record<string, never> = {}) {
    super('partner-back-to-sign-in', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-password-reset': PartnerPasswordResetEvent;
    'partner-back-to-sign-in': PartnerBackToSignInEvent;
  }
}
