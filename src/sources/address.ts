/**
 * Which IP addresses Griot may connect to. The one user of ipaddr.js.
 * Allow-list, not deny-list: an address is public only when ipaddr.js calls it plain `unicast`; loopback, private,
 * link-local, unique-local, multicast, carrier-grade NAT, reserved and documentation ranges are all refused.
 * IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96) are judged by that address.
 */
import ipaddr from 'ipaddr.js';

export type AddressVerdict = { readonly public: true } | { readonly public: false; readonly kind: string };

/** Ranges whose last 32 bits are an IPv4 address a packet really goes to. */
const EMBEDS_IPV4 = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052']);

/** Names the range of a literal IP address; `public: false` with its kind (`loopback`, `private`…) when Griot must not reach it. */
export function classifyAddress(address: string): AddressVerdict {
  if (!ipaddr.isValid(address)) return { public: false, kind: 'invalid' };
  let ip = ipaddr.parse(address.replace(/%.*$/, ''));
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    const range = v6.range();
    if (EMBEDS_IPV4.has(range)) {
      const bytes = v6.toByteArray().slice(-4);
      ip = new ipaddr.IPv4(bytes);
    }
  }
  const range = ip.range();
  if (range === 'unicast') return { public: true };
  return { public: false, kind: range };
}

/** True when `host` is an IP literal (v4, or v6 with or without brackets) rather than a name. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
}
