import { msg } from '@lit/localize';
import type { Partner, PayoutMethod, ProfilePatch } from '../../src/api/types.js';

// What My Profile's details view and its edit form (partner-profile.form.ts, loaded on demand) share.

/** Payout methods by name (a function: the words are translated at render time). */
export const payoutMethods = (): Record<PayoutMethod, string> => ({
  paypal: msg('PayPal'),
  bank_transfer: msg('Bank transfer'),
  check: msg('Check'),
  other: msg('Other'),
});

export type Field = Exclude<keyof ProfilePatch, 'currentPassword'>;
export const fields = (): { name: Field; label: string; type?: string; autocomplete: string; hint?: string }[] => [
  { name: 'name', label: msg('Name'), autocomplete: 'name' },
  { name: 'email', label: msg('Email'), type: 'email', autocomplete: 'email' },
  { name: 'phone', label: msg('Phone'), type: 'tel', autocomplete: 'tel' },
  { name: 'company', label: msg('Company'), autocomplete: 'organization' },
  { name: 'website', label: msg('Website'), type: 'url', autocomplete: 'url', hint: msg('Starting with https://') },
  { name: 'address', label: msg('Address'), autocomplete: 'street-address' },
];
const FIELD_NAMES: Field[] = ['name', 'email', 'phone', 'company', 'website', 'address'];

/** Whether the form's email or payout details differ from the partner's: such a change needs the current password. */
export function changesSensitive(data: FormData, p: Partner): boolean {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return (
    text('email') !== p.email ||
    (text('payoutMethod') || null) !== (p.payoutMethod ?? null) ||
    (text('payoutDetails') || null) !== (p.payoutDetails ?? null)
  );
}
/** Each field's label on the forms, to name it in the server's validation errors. */
export const labels = (): Record<string, string> => ({
  ...Object.fromEntries(fields().map((f) => [f.name, f.label])),
  payoutMethod: msg('Payout method'),
  payoutDetails: msg('Payout details'),
  currentPassword: msg('Current password'),
  newPassword: msg('New password'),
});
/** Fields that show their error under themselves; the others' errors go to the form's alert. */
export const WITH_FIELD_ERROR = new Set<string>([...FIELD_NAMES, 'payoutDetails']);
