import { Auth } from "@auth/core";
import { describe, expect, it } from "vitest";
import { sessionCookie } from "../../lib/auth/session-cookie";

describe("the session cookie", () => {
  it("over HTTPS is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and has no Domain", () => {
    expect(sessionCookie("https://buurt.example/")).toStrictEqual({
      name: "__Host-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("over plain HTTP (development, tests) keeps the plain name a browser accepts there", () => {
    expect(sessionCookie("http://localhost:3000")).toStrictEqual({
      name: "authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });

  it("is the cookie Auth.js itself writes with that setting", async () => {
    // A broken session cookie makes Auth.js clear it: the Set-Cookie shows the name and flags it uses.
    const url = "https://buurt.example";
    const response = await Auth(new Request(`${url}/api/auth/session`, { headers: { cookie: "__Host-authjs.session-token=broken" } }), {
      basePath: "/api/auth",
      logger: { error: () => {} },
      providers: [],
      secret: "unit-test-secret-unit-test-secret-0123",
      trustHost: true,
      useSecureCookies: true,
      session: { strategy: "jwt" },
      cookies: { sessionToken: sessionCookie(url) },
    });
    const cleared = response.headers.getSetCookie().find((c) => c.startsWith("__Host-authjs.session-token="));
    expect(cleared).toBeDefined();
    expect(cleared).toMatch(/; Path=\/(;|$)/);
    expect(cleared).toMatch(/; Secure(;|$)/);
    expect(cleared).toMatch(/; HttpOnly(;|$)/);
    expect(cleared).not.toMatch(/Domain=/i);
  });
});
