/**
 * The console's sections, in menu order: one list mapping a section's name (its URL) to its
 * element. A section shows in `<partner-admin>`'s navigation only once its element is defined,
 * so a bundle that adds one (dashboard, programs…) just defines its tag.
 */
export const SECTIONS = [
  { name: 'dashboard', label: 'Dashboard', tag: 'partner-admin-dashboard' },
  { name: 'partners', label: 'Partners', tag: 'partner-admin-partners' },
  { name: 'programs', label: 'Programs', tag: 'partner-admin-programs' },
  { name: 'resources', label: 'Resources', tag: 'partner-admin-resources' },
  { name: 'commissions', label: 'Commissions', tag: 'partner-admin-commissions' },
  { name: 'payouts', label: 'Payouts', tag: 'partner-admin-payouts' },
  { name: 'settings', label: 'Settings', tag: 'partner-admin-settings' },
  { name: 'audit', label: 'Audit log', tag: 'partner-admin-audit' },
] as const;

export type Section = (typeof SECTIONS)[number];
