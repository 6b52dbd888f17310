/**
 * The client's address for rate limiting. Behind a proxy (Docker, a load balancer) it is the
 * last hop of X-Forwarded-For, which the proxy itself appended — earlier entries can be
 * forged by the client. Without one, Next.js's own server supplies the socket address there.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? headers.get("x-real-ip") ?? "unknown";
}
