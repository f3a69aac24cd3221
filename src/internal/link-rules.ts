/** The server's link rules, mirrored so forms can say what is wrong while the partner types. */

export const SUB_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;
export const SUB_RULE = 'Use letters, digits, dot, dash or underscore (at most 40).';

export const hostMatches = (host: string, pattern: string) =>
  pattern.startsWith('*.') ? host === pattern.slice(2) || host.endsWith(pattern.slice(1)) : host === pattern;

/** What is wrong with a deep-link destination, or undefined when it looks fine. */
export function destinationProblem(value: string, allowedDomains: string[]): string | undefined {
  const text = value.trim();
  if (!text) return 'Enter the address of a page on our site.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter a full web address starting with https://';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http and https addresses can be linked.';
  if (url.username || url.password) return 'The address may not contain a user name or password.';
  const host = url.host.toLowerCase();
  if (allowedDomains.length && !allowedDomains.some((pattern) => hostMatches(host, pattern.toLowerCase()))) {
    return `Links may only point to ${listOf(allowedDomains)}; ${host} is not one of them.`;
  }
  return undefined;
}

/** `url` with `?sub=` (or `&sub=`) added. */
export function withSub(url: string, sub: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}sub=${encodeURIComponent(sub)}`;
}

export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
