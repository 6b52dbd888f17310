import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_META_KEYS, AUDIT_TARGET_TYPES } from "@/lib/audit/audit-vocabulary";
import { describeAuditMeta, groupRepeatedViews, type AuditWords } from "@/lib/audit/describe-audit-event";
import en from "@/lib/i18n/messages/en";
import nl from "@/lib/i18n/messages/nl";

const at = (messages: unknown, key: string) => key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], messages);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("the audit log's words", () => {
  it("has a Dutch and an English label for every action, detail and target the code knows", () => {
    for (const messages of [nl, en]) {
      for (const action of AUDIT_ACTIONS) expect(at(messages, `vocabulary.auditActions.${action}`), action).toEqual(expect.stringMatching(/\S/));
      for (const key of AUDIT_META_KEYS) expect(at(messages, `vocabulary.auditMeta.${key}`), key).toEqual(expect.stringMatching(/\S/));
      for (const type of AUDIT_TARGET_TYPES) expect(at(messages, `vocabulary.auditTargets.${type}`), type).toEqual(expect.stringMatching(/\S/));
    }
  });

  it("lists exactly the actions the code records (none missing, none that nothing records)", () => {
    const recorded = new Set<string>();
    for (const file of sources(path.join(import.meta.dirname, "../../lib"))) {
      if (file.includes(`${path.sep}audit${path.sep}`)) continue;
      for (const m of readFileSync(file, "utf8").matchAll(/action: "([a-z_]+\.[a-z_]+)"/g)) recorded.add(m[1]!);
    }
    expect(recorded.size).toBeGreaterThan(30);
    expect([...recorded].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });
});

const words: AuditWords = {
  metaLabel: (key) => `<${key}>`,
  yes: "ja",
  no: "nee",
  number: (n) => `n${n}`,
  applicationStatus: (s) => `app:${s}`,
  subareaStatus: (s) => `sub:${s}`,
  expansionStatus: (s) => `exp:${s}`,
  privacyStatus: (s) => `priv:${s}`,
  privacyType: (s) => `ptype:${s}`,
  role: (r) => `role:${r}`,
  reason: (c) => `reason:${c}`,
  field: (f) => `field:${f}`,
  channel: (c) => `channel:${c}`,
  format: (f) => `format:${f}`,
  origin: (o) => `origin:${o}`,
  digest: (d) => `digest:${d}`,
  neighbourhoodText: (key) => `text:${key}`,
  subarea: (id) => (id === 1 ? "Noord" : `#${id}`),
};

describe("describeAuditMeta", () => {
  it("names the neighbourhood texts that were changed, not their keys", () => {
    expect(describeAuditMeta("settings.texts_changed", { keys: ["coveredArea", "volunteerIntro"] }, words)).toEqual([{ label: "<keys>", value: "text:coveredArea, text:volunteerIntro" }]);
  });

  it("puts every kind of detail in words, never JSON", () => {
    expect(describeAuditMeta("application.status_changed", { from: "NEW", to: "ASSIGNED", reason: "NOT_ON_WHATSAPP", numberBlocked: true }, words)).toEqual([
      { label: "<from>", value: "app:NEW" },
      { label: "<to>", value: "app:ASSIGNED" },
      { label: "<reason>", value: "reason:NOT_ON_WHATSAPP" },
      { label: "<numberBlocked>", value: "ja" },
    ]);
    expect(describeAuditMeta("application.assigned", { subareaId: 1, count: 3 }, words)).toEqual([
      { label: "<count>", value: "n3" },
      { label: "<subareaId>", value: "Noord" },
    ]);
    expect(describeAuditMeta("application.edited", { fields: ["mobile", "inGroup"] }, words)).toEqual([{ label: "<fields>", value: "field:mobile, field:inGroup" }]);
    expect(describeAuditMeta("application.disclosed", { channel: "vcard", count: 2 }, words)[0]).toEqual({ label: "<channel>", value: "channel:vcard" });
  });

  it("reads a bare status by what the event is about", () => {
    expect(describeAuditMeta("subarea.saved", { status: "PROPOSED" }, words)).toEqual([{ label: "<status>", value: "sub:PROPOSED" }]);
    expect(describeAuditMeta("expansion.updated", { status: "IN_CONTACT" }, words)).toEqual([{ label: "<status>", value: "exp:IN_CONTACT" }]);
    expect(describeAuditMeta("application.removed_from_group", { status: "LEFT" }, words)).toEqual([{ label: "<status>", value: "app:LEFT" }]);
    expect(describeAuditMeta("subarea.member_count_changed", { from: 10, to: 12 }, words)).toEqual([
      { label: "<from>", value: "n10" },
      { label: "<to>", value: "n12" },
    ]);
    expect(describeAuditMeta("privacy.request_closed", { type: "ACCESS", outcome: "DONE" }, words)).toEqual([
      { label: "<type>", value: "ptype:ACCESS" },
      { label: "<outcome>", value: "priv:DONE" },
    ]);
  });

  it("shows an unknown key or code as stored rather than hiding it", () => {
    expect(describeAuditMeta("application.status_changed", { to: "SOMETHING_NEW", extra: 1 }, words)).toEqual([
      { label: "<to>", value: "SOMETHING_NEW" },
      { label: "extra", value: "1" },
    ]);
    expect(describeAuditMeta("x", null, words)).toEqual([]);
  });
});

describe("groupRepeatedViews", () => {
  const view = (minute: number, actorId = "u1", targetId = "7", channel = "detail") => ({
    at: new Date(Date.UTC(2026, 10, 30, 12, minute)),
    actorKind: "STAFF",
    actorId,
    action: "application.disclosed",
    targetType: "Application",
    targetId,
    meta: { channel },
  });

  it("folds consecutive views of one page by one person into one line with a count, newest first", () => {
    const rows = [view(5), view(4), view(3), view(2, "u2"), view(1), view(0, "u1", "8")];
    const groups = groupRepeatedViews(rows);
    expect(groups.map((g) => [g.row.at.getUTCMinutes(), g.count, g.since.getUTCMinutes()])).toEqual([
      [5, 3, 3],
      [2, 1, 2],
      [1, 1, 1],
      [0, 1, 0],
    ]);
  });

  it("never folds changes, other channels or events of residents", () => {
    const change = { ...view(3), action: "application.edited" };
    const rows = [change, change, view(2, "u1", "7", "list"), view(1), { ...view(0), actorKind: "RESIDENT", actorId: null }];
    expect(groupRepeatedViews(rows).map((g) => g.count)).toEqual([1, 1, 1, 1, 1]);
  });
});
