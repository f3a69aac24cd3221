import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { TrustProxy } from '../config.js';

/** `::ffff:192.0.2.1` (an IPv4 peer on a dual-stack socket) → `192.0.2.1`. */
const plain = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address);

const proxyLists = new WeakMap<readonly string[], BlockList>();

/** The listed proxy addresses and CIDR ranges as one BlockList (built once per config). */
function proxyList(entries: readonly string[]): BlockList {
  let list = proxyLists.get(entries);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address, bits] = entry.split('/') as [string, string | undefined];
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(bits), type);
    }
    proxyLists.set(entries, list);
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) => {
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 6 ? 'ipv6' : 'ipv4');
};

/**
 * The caller's address, used for sign-in limits and the click's hashed address.
 *
 * Without a trusted proxy it is the socket's peer. Behind proxies, `X-Forwarded-For` is read
 * from the right: each proxy appends the address it saw, and everything left of what our
 * nearest trusted proxy wrote came from the client and can be anything. So the answer is the
 * entry `n` hops from the right (`TRUST_PROXY=<n>`), or the right-most entry not written by a
 * listed proxy (`TRUST_PROXY=<addresses/CIDRs>`, the socket's peer included in the walk).
 */
export function clientAddress(c: Context, trust: TrustProxy): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket
  }
  return addressOf(peer, trust === 0 ? undefined : c.req.header('X-Forwarded-For'), trust);
}

/** {@link clientAddress} from the socket's peer and the request's X-Forwarded-For (Node's request, no Context). */
export function addressOf(socketPeer: string | undefined, forwardedFor: string | undefined, trust: TrustProxy): string {
  const peer = plain(socketPeer ?? 'unknown');
  if (trust === 0) return peer;
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((hop) => plain(hop.trim()))
    .filter(Boolean);
  // nearest first: the peer, then what each proxy saw, right to left
  const chain = [peer, ...forwarded.reverse()];
  let i = 0;
  if (typeof trust === 'number') i = Math.min(trust, chain.length - 1);
  else while (i < chain.length - 1 && isTrusted(proxyList(trust), chain[i]!)) i++;
  return chain[i]!.slice(0, 64); // an address, or at worst a short string: it keys limits
}
