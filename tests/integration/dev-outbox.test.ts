// The dev outbox (/dev/outbox) shows every stored mail, sign-in links included: only the demo
// switches it on (DEV_OUTBOX=true, no SMTP_URL). Off, the page has nothing to show and answers
// 404 (tests/e2e/server-actions.spec.ts asks the running server).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setAppDatabase } from "@/lib/db";
import { inScope } from "@/lib/db/scope";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setAppDatabase(db);
  await inScope(db.prisma, { role: "service" }, (tx) => enqueueMail(tx, { to: "demo@example.org", template: "signIn", subject: "Je inloglink", text: "https://x/sign-in" }));
});
afterAll(() => db.drop());
afterEach(() => vi.unstubAllEnvs());

/** listDevOutbox with a fresh configuration read from these environment variables. */
async function outboxWith(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  const { listDevOutbox } = await import("@/lib/mail/list-dev-outbox");
  return listDevOutbox();
}

describe("the dev outbox", () => {
  it("is off by default and when DEV_OUTBOX=false", async () => {
    expect(await outboxWith({ DEV_OUTBOX: undefined, SMTP_URL: undefined })).toBeNull();
    expect(await outboxWith({ DEV_OUTBOX: "false", SMTP_URL: undefined })).toBeNull();
  });

  it("lists the stored mail when the demo switches it on", async () => {
    expect(await outboxWith({ DEV_OUTBOX: "true", SMTP_URL: undefined })).toMatchObject([{ to: "demo@example.org", subject: "Je inloglink" }]);
  });

  it("cannot be on together with real mail", async () => {
    await expect(outboxWith({ DEV_OUTBOX: "true", SMTP_URL: "smtp://127.0.0.1:2525" })).rejects.toThrow(/DEV_OUTBOX/);
  });
});
