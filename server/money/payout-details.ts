import { maskEmail } from '../shared/privacy.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Payout details as lists show them: an email as `j•••@example.com`, anything else (an IBAN,
 * an account number, an address) as `•••• ` plus its last 4 letters or digits — enough to tell
 * accounts apart, too little to use. The whole value is in the partner's own record and the
 * payout CSV. null stays null.
 */
export function maskPayoutDetails(details: string | null): string | null {
  if (details === null) return null;
  const value = details.trim();
  if (EMAIL.test(value)) return maskEmail(value);
  const tail = value.replace(/[^\p{L}\p{N}]/gu, '').slice(-4);
  return tail.length === 4 && value.replace(/[^\p{L}\p{N}]/gu, '').length > 8 ? `•••• ${tail}` : '••••';
}
