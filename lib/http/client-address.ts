import net from "node:net";

/**
 * The client's address for rate limits, as the HTTP guard (lib/server/http-guard.ts) left it in
 * X-Forwarded-For: one address, taken from the socket, or from the forwarded chain only as far
 * as TRUSTED_PROXIES vouch for it. Whatever the client itself sent there has been replaced.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

/**
 * TRUSTED_PROXIES ("10.0.0.1, 172.16.0.0/12, ::1") as a list to check peers against; empty or
 * unset trusts nobody. Throws an Error naming the first entry that is no address or range.
 */
export function parseTrustedProxies(text: string | undefined): net.BlockList {
  const list = new net.BlockList();
  for (const entry of (text ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const type = net.isIP(address ?? "");
    const bits = prefix === undefined ? undefined : Number(prefix);
    if (!type || extra !== undefined || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= (type === 4 ? 32 : 128)) || prefix === "")) {
      throw new Error(`"${entry}" is not an IP address or a range like 10.0.0.0/8`);
    }
    if (bits === undefined) list.addAddress(address!, type === 4 ? "ipv4" : "ipv6");
    else list.addSubnet(address!, bits, type === 4 ? "ipv4" : "ipv6");
  }
  return list;
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) → "10.0.0.1"; others unchanged. */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

function isTrusted(address: string, trusted: net.BlockList): boolean {
  const type = net.isIP(address);
  return type !== 0 && trusted.check(address, type === 4 ? "ipv4" : "ipv6");
}

/**
 * Who is asking: the socket's peer, unless that peer is a trusted proxy; then the proxy's
 * X-Forwarded-For is read from the right, each trusted hop skipped, and the first address no
 * trusted proxy would have written is the client. Entries left of it may be forged by the
 * client and are never read. Returns "unknown" when the socket has no address.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: net.BlockList): string {
  if (!peer) return "unknown";
  let client = plain(peer);
  const hops = (forwardedFor ?? "").split(",").map((part) => plain(part.trim())).filter(Boolean);
  while (isTrusted(client, trusted)) {
    const next = hops.pop();
    if (!next || !net.isIP(next)) break;
    client = next;
  }
  return client;
}
