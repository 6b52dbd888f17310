"use server";

import { z } from "zod";
import { serverAction } from "../http/server-action";
import { describeRule } from "./describe-rule";
import { RuleOverlapError } from "./rule-overlap-error";
import { formatPostcode } from "./address";
import { addRule, createSubarea, deleteRule, updateSubarea } from "./manage-subareas";
import { addressTestSchema, ruleSchema, subareaSchema, subareaUpdateSchema } from "./subarea.schema";
import { testAddress } from "./test-address";
import { ruleWords } from "./rule-words";

const SUBAREAS: readonly (readonly ["/staff/subareas", "layout"])[] = [["/staff/subareas", "layout"]];

export const createSubareaAction = serverAction({
  capability: "subareas.manage",
  schema: subareaSchema,
  run: async (input, { viewer }) => {
    const { id } = await createSubarea(viewer, input);
    return { redirect: `/staff/subareas/${id}` };
  },
});

export const updateSubareaAction = serverAction({
  capability: "subareas.manage",
  schema: subareaUpdateSchema,
  revalidate: SUBAREAS,
  run: async (input, { viewer }) => {
    await updateSubarea(viewer, input);
  },
});

const RULE_FIELDS = ["street", "houseNumberFrom", "houseNumberTo", "parity", "postcodeFrom", "postcodeTo"] as const;

/**
 * Adds an address rule; warns about overlaps with other subareas' rules before saving (see
 * addRule): the overlapping rules in words, and `confirm` for the second, explicit button — or,
 * when the rules' order would decide, a refusal in words.
 */
export const addRuleAction = serverAction({
  capability: "subareas.manage",
  schema: ruleSchema,
  keep: RULE_FIELDS,
  texts: "staff.subareas",
  revalidate: SUBAREAS,
  run: async (input, { viewer, formData, texts, refuse }) => {
    try {
      await addRule(viewer, { ...input, confirmOverlap: formData.get("confirmOverlap") === "1" });
    } catch (error) {
      if (!(error instanceof RuleOverlapError)) throw error;
      const words = await ruleWords();
      const t = (key: string, params?: Record<string, string | number>) => texts.say(`staff.subareas.${key}`, params);
      const lines = error.overlaps.map(
        (o) =>
          `${t("overlapLine", { rule: o.id, subarea: o.subareaName, description: describeRule(o.rule, words) })}${error.ambiguous ? "" : ` — ${o.newWins ? t("overlapNewWins") : t("overlapOldWins", { rule: o.id })}`}`,
      );
      if (error.ambiguous) {
        const first = error.overlaps[0]!;
        return { ...refuse("overlap"), notice: t("overlapRefused", { rule: first.id, subarea: first.subareaName, description: describeRule(first.rule, words) }), lines };
      }
      return { ...refuse("overlap"), notice: t("overlapWarning", { count: lines.length }), lines, confirm: true };
    }
  },
});

/** Deletes a rule: the submit of the confirmation step, then back to the subarea with a notice. */
export const deleteRuleAction = serverAction({
  capability: "subareas.manage",
  schema: z.object({ ruleId: z.coerce.number().int().positive().max(2_147_483_647) }),
  revalidate: SUBAREAS,
  run: async ({ ruleId }, { viewer }) => {
    const { subareaId } = await deleteRule(viewer, ruleId);
    return { redirect: `/staff/subareas/${subareaId}?deleted=${ruleId}#rules` };
  },
});

/** The live tester: answers in the notice which subarea (and rule) an address falls in. */
export const testAddressAction = serverAction({
  capability: "subareas.manage",
  schema: addressTestSchema,
  run: async (input, { viewer, texts }) => {
    const { outcome, rule } = await testAddress(viewer, input);
    const t = (key: string, params?: Record<string, string | number>) => texts.say(`staff.subareas.${key}`, params);
    const address = `${input.street} ${input.houseNumber}${input.postcode ? `, ${formatPostcode(input.postcode.replace(/\s/g, "").toUpperCase())}` : ""}`;
    if (rule && (outcome.kind === "covered" || outcome.kind === "waiting")) {
      // The rule by what it says (as in the rule list), and the subarea's state as a sentence of
      // its own: a name like "Zuid (nog geen groep)" already says it, a bracket after it doubled it.
      const found = `${t("testFound", { address, subarea: rule.subareaName, rule: describeRule(rule, await ruleWords()) })}${rule.subareaStatus === "PROPOSED" ? ` ${t("testNoGroupYet")}` : ""}`;
      return { notice: outcome.street === input.street.trim() ? found : `${t("testReadAs", { street: outcome.street })} ${found}` };
    }
    if (outcome.kind === "uncertain") return { notice: t("testUncertain", { address, street: outcome.suggestion }) };
    if (outcome.kind === "unrecognised") return { notice: t("testUnrecognised", { address }) };
    return { notice: t("testNone", { address }) };
  },
});
