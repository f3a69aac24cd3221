import type { Deps } from '../deps.js';
import { DomainError } from '../shared/errors.js';
import { getSettings } from '../catalog/settings.js';

/** The hosts redirect and deep links may lead to: the setting, else the merchant links' own hosts. */
export async function allowedHosts(deps: Deps): Promise<string[]> {
  const settings = await getSettings(deps);
  if (settings.allowedLinkDomains.length) return settings.allowedLinkDomains;
  const rows = await deps.db.kysely.selectFrom('links').select('destination').where('partner_id', 'is', null).execute();
  const hosts = new Set<string>();
  for (const { destination } of rows) {
    try {
      hosts.add(new URL(destination).host.toLowerCase());
    } catch {
      // stored destinations are validated; skip anything odd
    }
  }
  return [...hosts];
}

export const hostMatches = (host: string, pattern: string) =>
  pattern.startsWith('*.') ? host === pattern.slice(2) || host.endsWith(pattern.slice(1)) : host === pattern;

/**
 * Checks a partner-supplied destination: an absolute http(s) URL, no credentials, on an
 * allowed host. Throws a DomainError naming the rule; returns the normalised URL.
 */
export async function checkDestination(deps: Deps, destination: string, field = 'destination'): Promise<string> {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    throw new DomainError('invalid', 'invalid_destination', 'Enter a full web address starting with https://', field);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DomainError('invalid', 'invalid_destination', 'Only http and https addresses can be linked', field);
  }
  if (url.username || url.password) {
    throw new DomainError('invalid', 'invalid_destination', 'The address may not contain a user name or password', field);
  }
  const hosts = await allowedHosts(deps);
  const host = url.host.toLowerCase();
  if (!hosts.some((pattern) => hostMatches(host, pattern))) {
    const list = hosts.length ? hosts.join(', ') : 'none configured yet';
    throw new DomainError('unprocessable', 'destination_not_allowed', `Links may only point to the merchant's own sites (${list}); ${host} is not one of them`, field);
  }
  return url.href;
}
