export interface Section {
  /** its name in the URL (`#/partners`) */
  name: string;
  label: string;
  tag: string;
  /** shown to owners only (staff would only be refused: 403) */
  ownerOnly?: boolean;
}

/**
 * The console's sections, in menu order: one list mapping a section's name (its URL) to its
 * element. A section shows in `<partner-admin>`'s navigation only once its element is defined,
 * so a bundle that adds one (dashboard, programs…) just defines its tag. An owner-only section
 * (Email: the outbox holds sign-in links; Webhooks: their secrets sign requests) is not offered to staff.
 */
export const SECTIONS: readonly Section[] = [
  { name: 'dashboard', label: 'Dashboard', tag: 'partner-admin-dashboard' },
  { name: 'partners', label: 'Partners', tag: 'partner-admin-partners' },
  { name: 'programs', label: 'Programs', tag: 'partner-admin-programs' },
  { name: 'resources', label: 'Resources', tag: 'partner-admin-resources' },
  { name: 'commissions', label: 'Commissions', tag: 'partner-admin-commissions' },
  { name: 'payouts', label: 'Payouts', tag: 'partner-admin-payouts' },
  { name: 'email', label: 'Email', tag: 'partner-admin-email', ownerOnly: true },
  { name: 'webhooks', label: 'Webhooks', tag: 'partner-admin-webhooks', ownerOnly: true },
  { name: 'settings', label: 'Settings', tag: 'partner-admin-settings' },
  { name: 'audit', label: 'Audit log', tag: 'partner-admin-audit' },
];
