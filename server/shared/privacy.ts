/** `jane@example.com` → `j•••@example.com`; something without an @ keeps its first character only. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at > 0 ? email.slice(0, at) : email;
  const domain = at > 0 ? email.slice(at) : '';
  const first = Array.from(local)[0] ?? '';
  return `${first}•••${domain}`;
}
