// The sign-in link's callbackUrl is an absolute URL on APP_URL. The proxy refuses a callbackUrl on
// another site, but must let the app's own through however the server sees itself (the demo
// listens on 0.0.0.0, so Next.js reports its own origin as http://0.0.0.0:3000).
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const saved = process.env.APP_URL;
afterEach(() => {
  process.env.APP_URL = saved;
});

const confirm = (callbackUrl: string, host = "localhost:3000") =>
  proxy(new NextRequest(`http://0.0.0.0:3000/sign-in/confirm?callbackUrl=${encodeURIComponent(callbackUrl)}&token=t&email=a%40example.org`, { headers: { host } }));

describe("the proxy's callbackUrl check", () => {
  it("lets the sign-in mail's link through on a server listening on 0.0.0.0", async () => {
    process.env.APP_URL = "http://localhost:3000";
    expect((await confirm("http://localhost:3000/staff")).status).toBe(200);
    expect((await confirm("/staff")).status).toBe(200);
    // APP_URL's origin counts even when the request came in under another name.
    expect((await confirm("http://localhost:3000/staff", "192.168.1.20:3000")).status).toBe(200);
  });

  it("refuses a callbackUrl on another site, or one that is not a URL", async () => {
    process.env.APP_URL = "http://localhost:3000";
    for (const url of ["https://evil.example/staff", "//evil.example/staff", "http://localhost:3001/staff", "javascript:alert(1)"]) {
      expect([url, (await confirm(url)).status]).toEqual([url, 400]);
    }
  });
});
