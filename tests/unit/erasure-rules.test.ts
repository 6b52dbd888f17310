// The erasure and the access export are read from the processing register: every personal
// column has an erase rule and a label a reader sees in both languages, and what the register
// says for an application is exactly what the erasure wrote when it listed its columns by hand.
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { shownColumns } from "@/lib/privacy/access-columns";
import { columnsErasedBy, erasedValues, heldForRemoval, keptByRegister } from "@/lib/privacy/erasure-rules";
import { ERASURE_BY_TABLE } from "@/lib/privacy/erase-subject-tables";
import { ACCESS_BY_TABLE } from "@/lib/privacy/build-access-export";
import { PERSONAL_DATA, personalColumns, type PersonalDataTable } from "@/lib/privacy/processing-register";

const TABLES = Object.keys(PERSONAL_DATA) as PersonalDataTable[];
const BASES = ["anonymous", "legalObligation", "legitimateInterest", "notTheSubject"];

describe("the processing register's erase rules and labels", () => {
  it.each(TABLES)("gives every personal column of %s an erase rule and a label in every language", (table) => {
    expect(personalColumns(table).length).toBeGreaterThan(0);
    for (const [column, [, label, rule, access]] of personalColumns(table)) {
      for (const locale of LOCALES) expect(messagesFor(locale).privacy.field[label], `${table}.${column} (${locale})`).toMatch(/\S/);
      const known =
        rule === "deleteRow" ||
        rule === "deleteEntries" ||
        rule === "erasureTime" ||
        (typeof rule === "object" && "set" in rule) ||
        (typeof rule === "object" && "keep" in rule && rule.keep.length > 10 && BASES.includes(rule.basis));
      expect(known, `${table}.${column}`).toBe(true);
      if (access) expect(access.withheld.length, `${table}.${column}`).toBeGreaterThan(10);
    }
  });

  it("erases an application exactly as the hand-written list did", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const before = { street: "", houseNumber: 0, houseLetter: null, houseNumberSuffix: null, postcode: "", email: null, emailConfirmedAt: null, notes: null, manageTokenHash: null, anonymisedAt: now };
    expect(erasedValues("Application", { inGroup: false, now })).toEqual({ name: "", mobile: "", ...before });
    // Someone still in the group keeps name and number until the contact person removed them.
    expect(erasedValues("Application", { inGroup: true, now })).toEqual(before);
    expect(heldForRemoval()).toEqual([
      ["name", ""],
      ["mobile", ""],
    ]);
    expect(erasedValues("ViolationReport")).toEqual({ note: null });
    expect(erasedValues("PrivacyRequest")).toEqual({ note: null });
  });

  it("keeps whole exactly the tables the erasure leaves alone, and has an eraser for every other", () => {
    const kept = TABLES.filter((table) => columnsErasedBy(table, "keep").length === personalColumns(table).length);
    expect(kept.sort()).toEqual(["ApplicationEvent", "AuditEvent", "BlockedNumber", "Session", "SubareaContact", "User"]);
    for (const table of TABLES) {
      const rule = ERASURE_BY_TABLE[table];
      if (kept.includes(table)) expect(rule).toEqual(keptByRegister(table as never));
      else expect(typeof rule === "function" || "erasedBy" in rule, table).toBe(true);
    }
    expect(() => keptByRegister("Application" as never)).toThrow();
  });

  it("deletes the rows of a table as a whole or not at all: no table mixes deleted columns with kept or replaced ones", () => {
    for (const table of TABLES) {
      const deleted = columnsErasedBy(table, "deleteRow").length;
      if (deleted > 0) expect(deleted, table).toBe(personalColumns(table).length);
    }
  });
});

describe("the access export read from the register", () => {
  it("decides for every table of the register where it appears in the export", () => {
    expect(Object.keys(ACCESS_BY_TABLE).sort()).toEqual([...TABLES].sort());
  });

  it("shows every personal column of the application except the withheld ones, and what it always showed", () => {
    const select = shownColumns("Application", { id: true, updatedAt: true });
    const withheld = personalColumns("Application").filter(([, entry]) => entry.length === 4).map(([column]) => column);
    expect(withheld.sort()).toEqual(["manageTokenHash", "subareaId"]);
    const before = [
      "id", "name", "mobile", "email", "emailConfirmedAt", "street", "houseNumber", "houseLetter", "houseNumberSuffix", "postcode", "locale", "status",
      "rejectionReason", "source", "inGroup", "notes", "rulesVersion", "rulesAcceptedAt", "repeatAttempts", "lastRepeatAt", "reconfirmAskedAt",
      "reconfirmedAt", "anonymisedAt", "memberCheckAskedAt", "memberCheckRemindedAt", "memberConfirmedAt", "memberCheckOpen", "statusChangedAt",
      "createdAt", "updatedAt",
    ];
    for (const column of before) expect(select, column).toHaveProperty(column, true);
    for (const column of withheld) expect(select).not.toHaveProperty(column);
    expect(shownColumns("OutboxMail", { createdAt: true, status: true })).toEqual({ to: true, subject: true, text: true, sentAt: true, createdAt: true, status: true });
  });
});
