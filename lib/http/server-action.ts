import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireCapability, type ViewerWith } from "../auth/guards";
import type { Capability } from "../auth/capabilities";
import { database, withScope } from "../db";
import { isDatabaseUnavailable } from "../db/database-unavailable";
import { ConflictError, DomainValidationError, FormQuestion, NotFoundError, TooManyRequestsError, TransitionError } from "../errors";
import type { AppLocale } from "../i18n/locales";
import { getAppLocale } from "../i18n/app-locale";
import { checkFormGuard, formTokenUse, releaseFormToken } from "../public-forms/form-guard";
import { consumeRateLimitsAlone, type RateLimitRule } from "../rate-limit/consume-rate-limit";
import { clientAddress } from "./client-address";
import { formInput, issueCodes } from "./form-input";
import { formMessages, type FormMessages } from "./form-messages";
import type { FormAction, FormResult, PlainFormAction } from "./form-result";
import { pageWhenDatabaseDown } from "./when-database-down";

type Refusal = Extract<FormResult, { ok: false }>;
type Params = Record<string, string | number>;
type Revalidate = string | readonly [path: string, type: "layout" | "page"];

/** Who may call a public action, and the checks it gets instead of a capability. */
export interface PublicAccess {
  /**
   * A form with a signed token and a honeypot (lib/public-forms/form-guard.ts): names the form
   * in its token; a token is accepted once (replay refused), and given back when the form is refused.
   */
  form?: string;
  /** Where a bot that filled the honeypot is sent: the same page a person sees. */
  botRedirect?: string;
  /** Per client address (lib/http/client-address.ts). */
  limit?: RateLimitRule;
  /** A database outage answers "try again" in the form (nothing typed is lost) instead of the 503 page. */
  outageNotice?: boolean;
}

/** What the work gets besides its parsed input. */
export interface ActionContext<V> {
  viewer: V;
  formData: FormData;
  locale: AppLocale;
  /** The texts of the action's namespace (form-messages.ts). */
  texts: FormMessages;
  /** A refusal with the notice for `reason` and the values kept. */
  refuse: (reason: string, params?: Params, extra?: Partial<Refusal>) => Refusal;
}

/** The work's answer: nothing (done), a notice, where to go next, or a refusal (ctx.refuse). */
export type Outcome = void | { notice: string } | { redirect: string } | Refusal;

interface Common<S extends z.ZodType, V> {
  /** Parses the form's fields (form-input rules: see `formInput`). */
  schema: S;
  /** The message namespace of its texts (form-messages.ts); "staff" or "publicForms" by default. */
  texts?: string;
  /** Fields sent several times on purpose (checkboxes): always a list. Any other field sent twice is refused. */
  lists?: readonly string[];
  /** Fields whose values come back with a refusal, to fill the form in again. */
  keep?: readonly string[];
  /** Field messages alone, for forms that show them beside each field; otherwise "label: message". Public forms: true. */
  fieldsBeside?: boolean;
  /** A field's label where `<texts>.fields.<field>` has none (fields named by data, e.g. one per text and language). */
  label?: (field: string, texts: FormMessages) => string | undefined;
  /** Paths to revalidate after the work succeeded. */
  revalidate?: readonly Revalidate[] | ((input: z.output<S>) => readonly Revalidate[]);
  run: (input: z.output<S>, context: ActionContext<V>) => Promise<Outcome>;
}

/** A staff action: only for viewers with `capability` (lib/auth/capabilities.ts); anyone else gets "not found". */
export type StaffActionSpec<C extends Capability, S extends z.ZodType> = { capability: C; public?: never } & Common<S, ViewerWith<C>>;
/** An action anyone may call: its own checks (`PublicAccess`) stand in for a capability. */
export type PublicActionSpec<S extends z.ZodType> = { public: PublicAccess; capability?: never } & Common<S, null>;
type AnySpec = (StaffActionSpec<Capability, z.ZodType> | PublicActionSpec<z.ZodType>) & { refused?: (result: Refusal, formData: FormData) => string };

const MAX_ECHO = 4000;

/**
 * The one way to build a Server Action for a form with feedback (useActionState). In order:
 * the capability (or, public, the form token and honeypot), the schema, the rate limit per
 * client and the replay check, then the work; expected failures of the domain (lib/errors.ts)
 * become a refusal in the viewer's language; a database outage sends a staff member to the
 * 503 page (a public form with `outageNotice` says "try again" instead); on success the paths
 * are revalidated and the visitor is redirected when the work says so. Nothing is stored unless
 * every check passed.
 */
export function serverAction<C extends Capability, S extends z.ZodType>(spec: StaffActionSpec<C, S>): FormAction;
export function serverAction<S extends z.ZodType>(spec: PublicActionSpec<S>): FormAction;
export function serverAction(spec: AnySpec): FormAction {
  return async (_previous, formData) => {
    const outcome = await pageWhenDatabaseDown(() => perform(spec, formData));
    if ("redirect" in outcome) redirect(outcome.redirect);
    return outcome;
  };
}

/**
 * The same for a plain form (no feedback state: a button that always moves on). The work must
 * answer `{ redirect }`; a refusal goes where `refused` says (e.g. the page with `?error=`).
 */
export function formAction<C extends Capability, S extends z.ZodType>(spec: StaffActionSpec<C, S> & { refused: (result: Refusal, formData: FormData) => string }): PlainFormAction;
export function formAction<S extends z.ZodType>(spec: PublicActionSpec<S> & { refused: (result: Refusal, formData: FormData) => string }): PlainFormAction;
export function formAction(spec: AnySpec & { refused: (result: Refusal, formData: FormData) => string }): PlainFormAction {
  return async (formData) => {
    const outcome = await pageWhenDatabaseDown(() => perform(spec, formData));
    // (A hand-made call may send anything but a form: `refused` always gets one.)
    redirect("redirect" in outcome ? outcome.redirect : outcome.ok ? "/" : spec.refused(outcome, formData instanceof FormData ? formData : new FormData()));
  };
}

async function perform(spec: AnySpec, formData: FormData): Promise<FormResult | { redirect: string }> {
  const texts = await formMessages(spec.texts ?? (spec.public ? "publicForms" : "staff"));
  // Called by hand with anything but a form: nothing to do.
  if (!(formData instanceof FormData)) return { ok: false, reason: "invalid", notice: texts.notice("invalid") };
  const values = spec.keep && Object.fromEntries(spec.keep.map((f) => [f, String(formData.get(f) ?? "").slice(0, MAX_ECHO)]));
  const refuse = (reason: string, params?: Params, extra?: Partial<Refusal>): Refusal => ({
    ok: false,
    reason,
    notice: texts.notice(reason, params),
    ...(values ? { values } : {}),
    ...extra,
  });
  const fields = (codes: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(codes).map(([field, code]) => {
        const message = texts.field(field, code);
        return [field, (spec.fieldsBeside ?? Boolean(spec.public)) ? message : `${spec.label?.(field, texts) ?? texts.label(field) ?? field}: ${message}`];
      }),
    );

  let viewer = null;
  if (spec.capability) {
    viewer = await requireCapability(spec.capability);
    if (!viewer) return refuse("notFound");
  } else if (spec.public.form) {
    const verdict = checkFormGuard(spec.public.form, formData);
    if (verdict === "bot") return { redirect: spec.public.botRedirect ?? "/" };
    if (verdict !== "ok") return refuse("retry");
  }

  const parsed = spec.schema.safeParse(formInput(formData, spec.lists));
  if (!parsed.success) return refuse("invalid", undefined, { fields: fields(issueCodes(parsed.error)) });

  const access = spec.public;
  let tokenUsed = false;
  const giveTokenBack = async () => {
    if (tokenUsed) await withScope({ role: "service" }, (tx) => releaseFormToken(tx, access!.form!, formData)).catch(() => {});
  };
  try {
    if (access?.limit || access?.form) {
      // The rate limit per client and the single-use token, in one round trip (issue 15). One
      // served form, one accepted post: a replayed token is refused (issue 11 item 5). A post
      // over the limit gives a token it was the first to use back, so the page can send it later.
      const attempts = [...(access.limit ? [{ rule: access.limit, subject: clientAddress(await headers()) }] : []), ...(access.form ? [formTokenUse(access.form, formData)] : [])];
      const verdicts = await consumeRateLimitsAlone(await database(), attempts);
      const limit = access.limit ? verdicts[0]! : undefined;
      tokenUsed = Boolean(access.form) && verdicts.at(-1)!.allowed;
      if (limit && !limit.allowed) {
        await giveTokenBack();
        return refuse("tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
      }
      if (access.form && !tokenUsed) return refuse("alreadySent");
    }
    const run = spec.run as (input: unknown, context: ActionContext<unknown>) => Promise<Outcome>;
    const outcome = await run(parsed.data, { viewer, formData, locale: await getAppLocale(), texts, refuse });
    if (outcome && "ok" in outcome) {
      await giveTokenBack();
      return outcome;
    }
    const paths = typeof spec.revalidate === "function" ? spec.revalidate(parsed.data) : (spec.revalidate ?? []);
    for (const path of paths) {
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path[0], path[1]);
    }
    return outcome && "redirect" in outcome ? outcome : { ok: true, ...(outcome ? { notice: outcome.notice } : {}) };
  } catch (error) {
    await giveTokenBack();
    if (error instanceof NotFoundError) return refuse("notFound");
    if (error instanceof TransitionError) return refuse("transition");
    if (error instanceof TooManyRequestsError) return refuse("tooMany");
    if (error instanceof ConflictError) return refuse("conflict", undefined, { fields: fields(Object.fromEntries(error.changedFields.map((f) => [f, "changed"]))) });
    if (error instanceof DomainValidationError) return refuse("invalid", undefined, { fields: fields(error.fieldErrors) });
    if (error instanceof FormQuestion) return { ok: false, reason: "question", notice: "", ...(values ? { values } : {}), question: await question(error, texts) };
    if (access?.outageNotice && isDatabaseUnavailable(error)) {
      console.error(`${access.form ?? "public form"}: database unavailable: ${(error as Error).message}`);
      return refuse("unavailable");
    }
    throw error;
  }
}

async function question(error: FormQuestion, texts: FormMessages): Promise<NonNullable<Refusal["question"]>> {
  const params = { street: error.suggestion };
  return {
    text: texts.say(`publicForms.question.${error.kind}`, params),
    accept: texts.say("publicForms.question.accept", params),
    keep: texts.say("publicForms.question.keep"),
    note: texts.say("publicForms.question.note"),
    suggestion: error.suggestion,
    suggestionField: "suggestedStreet",
    choiceField: "addressChoice",
  };
}
