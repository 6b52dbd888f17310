"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireAction } from "../auth/guards";
import { invalid, toActionResult, type ActionResult } from "../http/action-result";
import { formatPostcode } from "./address";
import { addRule, createSubarea, deleteRule, updateSubarea } from "./manage-subareas";
import { addressTestSchema, ruleSchema, subareaSchema, subareaUpdateSchema } from "./subarea.schema";
import { testAddress } from "./test-address";
import { describeRule } from "./describe-rule";
import { ruleWords } from "./rule-words";
import { actionWhenDatabaseDown } from "../http/when-database-down";

export async function createSubareaAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireAction("manageSubareas");
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
    const viewer = await requireAction("manageSubareas");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = subareaUpdateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const result = await toActionResult(() => updateSubarea(viewer, parsed.data));
    if (result.ok) revalidatePath("/staff/subareas", "layout");
    return result;
  });
}

export async function addRuleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireAction("manageSubareas");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = ruleSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const result = await toActionResult(() => addRule(viewer, parsed.data));
    if (result.ok) revalidatePath("/staff/subareas", "layout");
    return result;
  });
}

export async function deleteRuleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireAction("manageSubareas");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = z.object({ ruleId: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const result = await toActionResult(() => deleteRule(viewer, parsed.data.ruleId));
    if (result.ok) revalidatePath("/staff/subareas", "layout");
    return result;
  });
}

/** The live tester: answers in the notice which subarea (and rule) an address falls in. */
export async function testAddressAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireAction("manageSubareas");
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
