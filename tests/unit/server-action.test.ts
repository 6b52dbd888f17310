// The Server Action kernel (lib/http/server-action.ts) on its own: who may call, what is parsed,
// what a refusal says, and that the work runs only when every check passed. Next.js, the
// database and the viewer are stood in for; the texts are the real Dutch messages.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import { z } from "zod";
import nl from "@/lib/i18n/messages/nl";
import { ConflictError, DomainValidationError, NotFoundError } from "@/lib/errors";

const viewer = { role: "COORDINATOR", userId: "u1", email: "c@example.org", name: null, locale: "nl" };
const state = vi.hoisted(() => ({ allowed: true, guard: "ok" as string, tokenFree: true, rateLimited: false }));
const calls = vi.hoisted(() => ({ released: 0, revalidated: [] as string[] }));

vi.mock("next/cache", () => ({ revalidatePath: (path: string) => calls.revalidated.push(path) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => createTranslator({ locale: "nl", messages: nl }),
  getLocale: async () => "nl",
}));
vi.mock("@/lib/auth/guards", () => ({ requireCapability: async () => (state.allowed ? viewer : null), can: () => true }));
vi.mock("@/lib/db", () => ({ withScope: async (_scope: unknown, fn: (tx: unknown) => unknown) => fn({}), database: async () => ({}) }));
vi.mock("@/lib/rate-limit/consume-rate-limit", () => ({
  consumeRateLimitsAlone: async (_db: unknown, attempts: { rule: { name: string } }[]) =>
    attempts.map(({ rule }) => ((rule.name.startsWith("form-token:") ? state.tokenFree : !state.rateLimited) ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: 600 })),
}));
vi.mock("@/lib/public-forms/form-guard", () => ({
  checkFormGuard: () => state.guard,
  formTokenUse: (form: string) => ({ rule: { name: `form-token:${form}` }, subject: "token" }),
  releaseFormToken: async () => {
    calls.released++;
  },
}));

const { serverAction } = await import("@/lib/http/server-action");

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

beforeEach(() => {
  Object.assign(state, { allowed: true, guard: "ok", tokenFree: true, rateLimited: false });
  Object.assign(calls, { released: 0, revalidated: [] });
});

describe("a staff action", () => {
  const run = vi.fn(async (_input: { id: number }) => {});
  const action = serverAction({ capability: "applications.edit", schema: z.object({ id: z.coerce.number().int().positive() }), revalidate: ["/x"], run });

  it("answers 'not found' without the capability, and never runs the work", async () => {
    state.allowed = false;
    run.mockClear();
    expect(await action(null, form([["id", "1"]]))).toEqual({ ok: false, reason: "notFound", notice: nl.staff.errors.notFound });
    expect(run).not.toHaveBeenCalled();
  });

  it("runs the work with the parsed input and revalidates", async () => {
    run.mockClear();
    expect(await action(null, form([["id", "7"]]))).toEqual({ ok: true });
    expect(run).toHaveBeenCalledWith({ id: 7 }, expect.objectContaining({ viewer }));
    expect(calls.revalidated).toEqual(["/x"]);
  });

  it("refuses a field sent twice, with the field's label and message", async () => {
    run.mockClear();
    const result = await action(null, form([["id", "1"], ["id", "2"]]));
    expect(result).toMatchObject({ ok: false, reason: "invalid", notice: nl.staff.errors.invalid, fields: { id: `${nl.staff.fields.id}: ${nl.staff.fieldErrors.invalid}` } });
    expect(run).not.toHaveBeenCalled();
  });

  it("turns the domain's expected failures into refusals in words", async () => {
    run.mockRejectedValueOnce(new ConflictError(["name"]));
    expect(await action(null, form([["id", "1"]]))).toMatchObject({ reason: "conflict", notice: nl.staff.errors.conflict, fields: { name: `${nl.staff.fields.name}: ${nl.staff.fieldErrors.changed}` } });
    run.mockRejectedValueOnce(new NotFoundError());
    expect(await action(null, form([["id", "1"]]))).toMatchObject({ reason: "notFound", notice: nl.staff.errors.notFound });
    // An unknown code gets the general text, never the code itself.
    run.mockRejectedValueOnce(new DomainValidationError({ name: "noSuchCode" }));
    expect(await action(null, form([["id", "1"]]))).toMatchObject({ reason: "invalid", fields: { name: `${nl.staff.fields.name}: ${nl.staff.fieldErrors.invalid}` } });
    expect(calls.revalidated).toEqual([]);
  });

  it("sends a staff member to the 'try again' page while the database is down", async () => {
    run.mockRejectedValueOnce(Object.assign(new Error("terminating connection"), { code: "57P01" }));
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(action(null, form([["id", "1"]]))).rejects.toThrow("REDIRECT /unavailable");
    spy.mockRestore();
  });
});

describe("a public form", () => {
  const run = vi.fn(async (_input: { name: string }) => ({ redirect: "/thanks" }));
  const action = serverAction({
    public: { form: "test", botRedirect: "/thanks", limit: { name: "test", limit: 1, windowMs: 1000 }, outageNotice: true },
    schema: z.object({ name: z.string().min(1, "required") }),
    keep: ["name"],
    run,
  });

  it("sends a bot to the thank-you page and asks a person to send a stale form again", async () => {
    state.guard = "bot";
    await expect(action(null, form([["name", "x"]]))).rejects.toThrow("REDIRECT /thanks");
    state.guard = "stale";
    expect(await action(null, form([["name", "Anna"]]))).toEqual({ ok: false, reason: "retry", notice: nl.publicForms.notice.retry, values: { name: "Anna" } });
  });

  it("shows each field's message beside it, keeping what was typed", async () => {
    expect(await action(null, form([["name", ""]]))).toEqual({
      ok: false,
      reason: "invalid",
      notice: nl.publicForms.notice.invalid,
      values: { name: "" },
      fields: { name: nl.publicForms.errors.required },
    });
  });

  it("refuses a replayed form and a client over its limit, without running the work", async () => {
    run.mockClear();
    state.tokenFree = false;
    expect(await action(null, form([["name", "Anna"]]))).toMatchObject({ reason: "alreadySent", notice: nl.publicForms.notice.alreadySent });
    state.tokenFree = true;
    state.rateLimited = true;
    expect(await action(null, form([["name", "Anna"]]))).toMatchObject({ reason: "tooMany" });
    expect(run).not.toHaveBeenCalled();
  });

  it("over the limit, gives back a token it used first, never one used before", async () => {
    state.rateLimited = true;
    expect(await action(null, form([["name", "Anna"]]))).toMatchObject({ reason: "tooMany" });
    expect(calls.released).toBe(1);
    state.tokenFree = false;
    expect(await action(null, form([["name", "Anna"]]))).toMatchObject({ reason: "tooMany" });
    expect(calls.released).toBe(1);
  });

  it("gives the token back when the work refuses, and says 'try again' while the database is down", async () => {
    run.mockRejectedValueOnce(new DomainValidationError({ name: "link" }));
    expect(await action(null, form([["name", "Anna"]]))).toMatchObject({ fields: { name: nl.publicForms.errors.link } });
    expect(calls.released).toBe(1);
    run.mockRejectedValueOnce(Object.assign(new Error("terminating connection"), { code: "57P01" }));
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await action(null, form([["name", "Anna"]]))).toMatchObject({ reason: "unavailable", notice: nl.publicForms.notice.unavailable });
    spy.mockRestore();
    expect(calls.released).toBe(2);
  });

  it("redirects when the work is done", async () => {
    await expect(action(null, form([["name", "Anna"]]))).rejects.toThrow("REDIRECT /thanks");
  });
});
