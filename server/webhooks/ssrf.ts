import { lookup as dnsLookup, promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { Deps } from '../deps.js';
import { invalid } from '../shared/errors.js';

/**
 * Server-side request forgery: a webhook endpoint may not point into the network Partner
 * Center runs in. Refused: anything but https, and hosts that are (or resolve to) private,
 * loopback, link-local, unique-local, unspecified or other reserved addresses. Checked when an
 * endpoint is registered and again at each delivery, on the address actually connected to
 * (`guardedLookup`), so a name that resolves elsewhere later (DNS rebinding) is refused too.
 * ALLOW_PRIVATE_WEBHOOK_URLS=1 (development, tests) lifts both rules.
 */

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) blocked.addSubnet(net, bits, 'ipv6');

/** True for an address a webhook may not reach (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const version = isIP(bare);
  if (version === 4) return blocked.check(bare, 'ipv4');
  if (version === 6) return blocked.check(bare, 'ipv6');
  return true; // not an address at all: refuse
}

const allowPrivate = (deps: Deps) => deps.config.allowPrivateWebhookUrls;

/**
 * Checks an endpoint URL when it is registered or changed: a 400 naming `url` unless it is https
 * (http too with ALLOW_PRIVATE_WEBHOOK_URLS) and its host is public and resolves only to public addresses.
 */
export async function checkEndpointUrl(deps: Deps, value: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('url', 'url: is not a URL (like https://example.com/webhooks)');
  }
  const open = allowPrivate(deps);
  if (url.protocol !== 'https:' && !(open && url.protocol === 'http:')) {
    throw invalid('url', open ? 'url: must start with https:// or http://' : 'url: must start with https:// (webhooks are only sent over TLS)');
  }
  if (url.username || url.password) throw invalid('url', 'url: must not hold a user name or password');
  if (open) return url.toString();
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw invalid('url', `url: ${host} is a private, loopback or reserved address; webhooks go to public addresses only`);
    return url.toString();
  }
  let addresses: { address: string }[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    throw invalid('url', `url: the host ${host} does not resolve`);
  }
  const inside = addresses.find((a) => isPrivateAddress(a.address));
  if (inside) throw invalid('url', `url: ${host} resolves to ${inside.address}, a private, loopback or reserved address; webhooks go to public addresses only`);
  return url.toString();
}

/** Why a delivery to `url` is refused before connecting (scheme), or null. */
export function refusedScheme(deps: Deps, url: URL): string | null {
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowPrivate(deps)) return null;
  return `refused: ${url.protocol} URLs are not allowed (https only)`;
}

export class PrivateAddressError extends Error {
  override name = 'PrivateAddressError';
  readonly code = 'EPRIVATEADDRESS';
}

/**
 * A `lookup` for node:http(s) requests: resolves like dns.lookup, then refuses (unless allowed)
 * when any address it would connect to is private. IP literals go through it too.
 */
export function guardedLookup(deps: Deps) {
  const open = allowPrivate(deps);
  return ((hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, verbatim: true }, (error, address, family) => {
      if (error) return callback(error, address as string, family);
      const list = Array.isArray(address) ? (address as LookupAddress[]).map((a) => a.address) : [address as string];
      const inside = open ? undefined : list.find(isPrivateAddress);
      if (inside) return callback(new PrivateAddressError(`refused: ${hostname} resolves to ${inside}, a private, loopback or reserved address`), address, family);
      callback(null, address, family);
    });
  }) as unknown as typeof dnsLookup;
}
