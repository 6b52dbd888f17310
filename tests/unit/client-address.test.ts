import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, resolveClientAddress } from "@/lib/http/client-address";

const none = parseTrustedProxies("");
const proxy = parseTrustedProxies("10.0.0.1, 172.16.0.0/12, ::1");

describe("the client address for rate limits", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.9", "203.0.113.1", none)).toBe("198.51.100.9");
    expect(resolveClientAddress("::ffff:198.51.100.9", "203.0.113.1, 10.0.0.1", none)).toBe("198.51.100.9");
    expect(resolveClientAddress(undefined, "203.0.113.1", none)).toBe("unknown");
  });

  it("behind trusted proxies is the rightmost hop no trusted proxy wrote", () => {
    expect(resolveClientAddress("10.0.0.1", "203.0.113.1", proxy)).toBe("203.0.113.1");
    // The client forged the first entry; the proxy appended the real one.
    expect(resolveClientAddress("10.0.0.1", "1.2.3.4, 203.0.113.1", proxy)).toBe("203.0.113.1");
    // Two trusted hops (an outer proxy in the 172.16/12 network).
    expect(resolveClientAddress("::ffff:10.0.0.1", "1.2.3.4, 203.0.113.1, 172.20.0.5", proxy)).toBe("203.0.113.1");
    // A trusted proxy that forwarded nothing, or garbage: the proxy itself.
    expect(resolveClientAddress("10.0.0.1", undefined, proxy)).toBe("10.0.0.1");
    expect(resolveClientAddress("::1", "not-an-address", proxy)).toBe("::1");
    // An untrusted peer's header is never read.
    expect(resolveClientAddress("10.0.0.2", "203.0.113.1", proxy)).toBe("10.0.0.2");
  });

  it("reads the one address the HTTP guard left", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1" }))).toBe("203.0.113.1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("refuses a TRUSTED_PROXIES entry that is no address or range", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.0/", "::1/129", "1.2.3.4/8/1"]) expect(() => parseTrustedProxies(bad), bad).toThrow(bad);
  });
});
