"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireCapability } from "../auth/guards";
import { invalid, toActionResult, type ActionError, type ActionResult } from "../http/action-result";
import { describeRule } from "./describe-rule";
import { RuleOverlapError } from "./rule-overlap-error";
import { formatPostcode } from "./address";
import { addRule, createSubarea, deleteRule, updateSubarea } from "./manage-subareas";
import { addressTestSchema, ruleSchema, subareaSchema, subareaUpdateSchema } from "./subarea.schema";
import { testAddress } from "./test-address";
import { ruleWords } from "./rule-words";
import { actionWhenDatabaseDown } from "../http/when-database-down";

export async function createSubareaAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("subareas.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = subareaSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    let id = 0;
    const result = await toActionResult(async () => ({ id } = await createSubarea(viewer, parsed.data)));
    if (!result.ok) return result;
    redirect(`/staff/subareas/${id}`);
  });
}

export async function updateSubareaAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("subareas.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = subareaUpdateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const result = await toActionResult(() => updateSubarea(viewer, parsed.data));
    if (result.ok) revalidatePath("/staff/subareas", "layout");
    return result;
  });
}

/** The rule editor's answer: as ActionResult, plus what was typed (kept on error) and any overlap. */
export type RuleEditorResult =
  | { ok: true; notice?: string }
  | {
      ok: false;
      error: ActionError;
      fields?: Record<string, string>;
      /** The form's values as typed, so an error never empties the form. */
      values?: Record<string, string>;
      /** A refusal in words (an overlap exactly as specific as an existing rule). */
      message?: string;
      /** Overlapping rules in words; with `confirm`, saving needs the explicit second button. */
      overlaps?: string[];
      confirm?: boolean;
    };

const RULE_FIELDS = ["street", "houseNumberFrom", "houseNumberTo", "parity", "postcodeFrom", "postcodeTo"] as const;

/** Adds an address rule; warns about overlaps with other subareas' rules before saving (see addRule). */
export async function addRuleAction(_previous: RuleEditorResult | null, formData: FormData): Promise<RuleEditorResult> {
  return actionWhenDatabaseDown(async (): Promise<RuleEditorResult> => {
    const viewer = await requireCapability("subareas.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const values = Object.fromEntries(RULE_FIELDS.map((f) => [f, String(formData.get(f) ?? "").slice(0, 200)]));
    const parsed = ruleSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ...invalid(parsed.error), values } as RuleEditorResult;
    const confirmOverlap = formData.get("confirmOverlap") === "1";
    try {
      const result = await toActionResult(() => addRule(viewer, { ...parsed.data, confirmOverlap }));
      if (!result.ok) return { ...result, values };
    } catch (error) {
      if (!(error instanceof RuleOverlapError)) throw error;
      const [t, words] = await Promise.all([getTranslations("staff.subareas"), ruleWords()]);
      const lines = error.overlaps.map(
        (o) =>
          `${t("overlapLine", { rule: o.id, subarea: o.subareaName, description: describeRule(o.rule, words) })}${error.ambiguous ? "" : ` — ${o.newWins ? t("overlapNewWins") : t("overlapOldWins", { rule: o.id })}`}`,
      );
      if (error.ambiguous) {
        const first = error.overlaps[0]!;
        const message = t("overlapRefused", { rule: first.id, subarea: first.subareaName, description: describeRule(first.rule, words) });
        return { ok: false, error: "invalid", message, overlaps: lines, values };
      }
      return { ok: false, error: "invalid", message: t("overlapWarning", { count: lines.length }), fields: { street: "overlap" }, overlaps: lines, confirm: true, values };
    }
    revalidatePath("/staff/subareas", "layout");
    return { ok: true };
  });
}

/** Deletes a rule: the submit of the confirmation step, then back to the subarea with a notice. */
export async function deleteRuleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("subareas.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = z.object({ ruleId: z.coerce.number().int().positive().max(2_147_483_647) }).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    let subareaId = 0;
    const result = await toActionResult(async () => ({ subareaId } = await deleteRule(viewer, parsed.data.ruleId)));
    if (!result.ok) return result;
    revalidatePath("/staff/subareas", "layout");
    redirect(`/staff/subareas/${subareaId}?deleted=${parsed.data.ruleId}#rules`);
  });
}

/** The live tester: answers in the notice which subarea (and rule) an address falls in. */
export async function testAddressAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("subareas.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = addressTestSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    let tested: Awaited<ReturnType<typeof testAddress>> | null = null;
    const result = await toActionResult(async () => {
      tested = await testAddress(viewer, parsed.data);
    });
    if (!result.ok || !tested) return result;
    const t = await getTranslations("staff.subareas");
    const address = `${parsed.data.street} ${parsed.data.houseNumber}${parsed.data.postcode ? `, ${formatPostcode(parsed.data.postcode.replace(/\s/g, "").toUpperCase())}` : ""}`;
    const { outcome, rule } = tested as Awaited<ReturnType<typeof testAddress>>;
    let notice: string;
    if (rule && (outcome.kind === "covered" || outcome.kind === "waiting")) {
      // The rule by what it says (as in the rule list), and the subarea's state as a sentence of
      // its own: a name like "Zuid (nog geen groep)" already says it, a bracket after it doubled it.
      const found = `${t("testFound", { address, subarea: rule.subareaName, rule: describeRule(rule, await ruleWords()) })}${rule.subareaStatus === "PROPOSED" ? ` ${t("testNoGroupYet")}` : ""}`;
      notice = outcome.street === parsed.data.street.trim() ? found : `${t("testReadAs", { street: outcome.street })} ${found}`;
    } else if (outcome.kind === "uncertain") notice = t("testUncertain", { address, street: outcome.suggestion });
    else if (outcome.kind === "unrecognised") notice = t("testUnrecognised", { address });
    else notice = t("testNone", { address });
    return { ok: true, notice };
  });
}
