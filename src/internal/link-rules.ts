import { msg, str } from '@lit/localize';
/** The server's link rules, mirrored so forms can say what is wrong while the partner types. */

export const SUB_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;
/** The sub-id rule in the page's language. */
export const subRule = () => msg('Use letters, digits, dot, dash or underscore (at most 40).');
/** @deprecated English only: use {@link subRule} (read at render time). */
export const SUB_RULE = 'Use letters, digits, dot, dash or underscore (at most 40).';

export const hostMatches = (host: string, pattern: string) =>
  pattern.startsWith('*.') ? host === pattern.slice(2) || host.endsWith(pattern.slice(1)) : host === pattern;

/** What is wrong with a deep-link destination, or undefined when it looks fine. */
export function destinationProblem(value: string, allowedDomains: string[]): string | undefined {
  const text = value.trim();
  if (!text) return msg('Enter the address of a page on our site.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return msg('Enter a full web address starting with https://');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return msg('Only http and https addresses can be linked.');
  if (url.username || url.password) return msg('The address may not contain a user name or password.');
  const host = url.host.toLowerCase();
  if (allowedDomains.length && !allowedDomains.some((pattern) => hostMatches(host, pattern.toLowerCase()))) {
    const domains = listOf(allowedDomains);
    return msg(str`Links may only point to ${domains}; ${host} is not one of them.`);
  }
  return undefined;
}

/** `url` with `?sub=` (or `&sub=`) added. */
export function withSub(url: string, sub: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}sub=${encodeURIComponent(sub)}`;
}

export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  const first = items.slice(0, -1).join(', ');
  const last = items.at(-1);
  return msg(str`${first} or ${last}`);
}
