// The report for the municipality and the police (issue 16, part 3): known history on a moved
// clock gives known monthly figures; counts 1–4 are "< 5", totals that would give them away by
// subtraction are "minstens …"; the PDF and the spreadsheet print the same figures and no name,
// mobile number, e-mail address or postcode appears anywhere.
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getReport } from "@/lib/report/get-report";
import { reportFile } from "@/lib/report/report-files";
import { parseReportPeriod } from "@/lib/report/report-period";
import { figureText, totalOf } from "@/lib/report/small-counts";
import { NotFoundError } from "@/lib/errors";
import { pdfText } from "../helpers/pdf-text";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
// The clock: 20 June 2020, long before the demo seed's own history.
const NOW = new Date("2020-06-20T10:00:00Z");
const period = () => parseReportPeriod({ from: "2020-01", to: "2020-06" }, NOW);
const people: { name: string; mobile: string; email: string; postcode: string }[] = [];

beforeAll(async () => {
  s = await createSeededDatabase();
  await s.service(async (tx) => {
    const noord = await tx.subarea.create({ data: { name: "Rapport Noord" } });
    const zuid = await tx.subarea.create({ data: { name: "Rapport Zuid" } });
    let n = 0;
    const app = async (street: string, houseNumber: number, subareaId: number | null, events: { at: string; from: string | null; to: string; subareaId?: number | null }[]) => {
      n += 1;
      const person = { name: `Rapportpersoon ${n}`, mobile: `+316123450${String(n).padStart(2, "0")}`, email: `rapport${n}@example.net`, postcode: `9${String(n).padStart(3, "0")}ZZ` };
      people.push(person);
      const last = events[events.length - 1]!;
      const a = await tx.application.create({
        data: { ...person, street, houseNumber, subareaId, status: last.to as never, rulesVersion: "test", rulesAcceptedAt: new Date(events[0]!.at), createdAt: new Date(events[0]!.at) },
      });
      await tx.applicationEvent.createMany({
        data: events.map((e) => ({ applicationId: a.id, at: new Date(e.at), actorKind: "STAFF" as const, type: "STATUS_CHANGED", fromStatus: e.from as never, toStatus: e.to as never, subareaId: e.subareaId === undefined ? subareaId : e.subareaId })),
      });
    };
    const added = (at: string) => [{ at: "2019-12-01T10:00:00Z", from: null, to: "NEW" }, { at, from: "NEW", to: "ADDED" }];
    // Noord: 5 join in January, 2 more on 31 January 23:30 UTC — 1 February in Amsterdam.
    for (const [i, nr] of [1, 1, 2, 3, 4].entries()) await app("Rapportlaan", nr, noord.id, added(`2020-01-${10 + i}T10:00:00Z`));
    await app("Rapportlaan", 5, noord.id, added("2020-01-31T23:30:00Z"));
    await app("Rapportlaan", 6, noord.id, [...added("2020-01-31T23:30:00Z"), { at: "2020-03-05T10:00:00Z", from: "ADDED", to: "LEFT" }]);
    // Zuid: 3 join in April.
    for (const nr of [1, 3, 5]) await app("Kleinpad", nr, zuid.id, added("2020-04-02T10:00:00Z"));
    // After the clock: must not count.
    await app("Rapportlaan", 8, noord.id, added("2020-07-01T10:00:00Z"));
    // Waiting: 2 in one street, 6 in another (typed two ways).
    for (const nr of [1, 2]) await app("Wachtstraat", nr, null, [{ at: "2020-02-01T10:00:00Z", from: null, to: "WAITING" }]);
    for (const nr of [1, 2, 3, 4, 5, 6]) await app(nr % 2 ? "Lange Wachtweg" : "lange wachtweg ", nr, null, [{ at: "2020-02-01T10:00:00Z", from: null, to: "WAITING" }]);
    // Expansion requests in March: 6 still open, 1 approved; one from 2019 outside the period.
    const req = (status: string, at: string) => ({ name: "Rapportverzoeker", mobile: "+31612349999", email: "verzoek@example.net", streets: "Wachtstraat", status: status as never, createdAt: new Date(at) });
    await tx.expansionRequest.createMany({ data: [...Array.from({ length: 6 }, () => req("NEW", "2020-03-03T10:00:00Z")), req("APPROVED", "2020-03-04T10:00:00Z"), req("DECLINED", "2019-11-01T10:00:00Z")] });
  });
});
afterAll(() => s.db.drop());

describe("the small-count rule", () => {
  it("hides 1–4, keeps 0 and 5+, and turns a total with a hidden part into a lower bound", () => {
    expect([0, 1, 4, 5, 12].map((n) => figureText(totalOf([n])))).toEqual(["0", "< 5", "< 5", "5", "12"]);
    expect(figureText(totalOf([5, 7, 0]))).toBe("12");
    // 6 + a hidden 3: "minstens 7", whatever the hidden count is (1..4 all give the same).
    for (const hidden of [1, 2, 3, 4]) expect(figureText(totalOf([6, hidden]))).toBe("minstens 7");
    expect(figureText(totalOf([6, 2, 3]), "en")).toBe("at least 8");
  });
});

describe("the report's figures", () => {
  it("counts members per subarea at each Amsterdam month end, from the history, up to the clock", async () => {
    const r = await getReport(s.coordinator, period(), NOW);
    expect(r.period.months).toEqual(["2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06"]);
    expect(r.asOf.toISOString()).toBe(NOW.toISOString());
    const row = (name: string) => r.membersBySubarea.find((m) => m.name === name)!.months.map((f) => figureText(f));
    expect(row("Rapport Noord")).toEqual(["5", "7", "6", "6", "6", "6"]);
    expect(row("Rapport Zuid")).toEqual(["0", "0", "0", "< 5", "< 5", "< 5"]);
    // The seeded subareas had nobody yet in 2020.
    expect(r.membersTotal.map((f) => figureText(f))).toEqual(["5", "7", "6", "minstens 7", "minstens 7", "minstens 7"]);
  });

  it("counts new and left per month, hiding small counts and the totals they are in", async () => {
    const r = await getReport(s.coordinator, period(), NOW);
    expect(r.flow.map((f) => [f.month, figureText(f.joined), figureText(f.left)])).toEqual([
      ["2020-01", "5", "0"],
      ["2020-02", "< 5", "0"],
      ["2020-03", "0", "< 5"],
      ["2020-04", "< 5", "0"],
      ["2020-05", "0", "0"],
      ["2020-06", "0", "0"],
    ]);
    expect(figureText(r.flowTotal.joined)).toBe("minstens 7");
    expect(figureText(r.flowTotal.left)).toBe("< 5");
  });

  it("counts households per street, waiting per uncovered street and expansion outcomes", async () => {
    const r = await getReport(s.coordinator, period(), NOW);
    // Rapportlaan: numbers 1 (twice), 2, 3, 4, 5 still members; 6 left; 8 only after the clock.
    expect(r.streets.map((x) => [x.street, figureText(x.households)])).toEqual([["Kleinpad", "< 5"], ["Rapportlaan", "5"]]);
    expect(r.waiting.map((x) => [x.street, figureText(x.waiting)])).toEqual([["Lange Wachtweg", "6"], ["Wachtstraat", "< 5"]]);
    expect(figureText(r.waitingTotal)).toBe("minstens 7");
    expect(r.expansion.map((e) => [e.outcome, figureText(e.count)])).toEqual([["OPEN", "6"], ["APPROVED", "< 5"], ["DECLINED", "0"], ["WITHDRAWN", "0"]]);
    expect(figureText(r.expansionTotal)).toBe("minstens 7");
  });

  it("holds no hidden count and no personal data anywhere", async () => {
    const json = JSON.stringify(await getReport(s.coordinator, period(), NOW));
    for (const p of people) for (const value of [p.name, p.mobile, p.mobile.slice(3), p.email, p.postcode]) expect(json).not.toContain(value);
    expect(json).not.toContain("Rapportverzoeker");
    // A hidden figure carries no value at all.
    expect(json).toMatch(/"kind":"small"}/);
  });

  it("is for coordinators only", async () => {
    await expect(getReport(await s.contact(1), period(), NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reads its period from the URL, falling back when it makes no sense", () => {
    expect(parseReportPeriod({ months: "12" }, NOW).months).toHaveLength(12);
    expect(parseReportPeriod({ months: "12" }, NOW).to).toBe("2020-06");
    expect(parseReportPeriod({ months: "7" }, NOW).preset).toBe(6);
    expect(parseReportPeriod({ from: "2020-05", to: "2020-02" }, NOW)).toMatchObject({ error: "invalidRange", preset: 6 });
    expect(parseReportPeriod({ from: "2015-01", to: "2020-06" }, NOW)).toMatchObject({ error: "tooLong", from: "2018-07", to: "2020-06" });
    expect(parseReportPeriod({ from: "2020-01", to: "2031-12" }, NOW).to).toBe("2020-06");
    expect(parseReportPeriod({ from: "januari", to: "x" }, NOW).preset).toBe(6);
  });
});

describe("the history's edge cases", () => {
  it("this month's members agree with the applications' status now (the demo seed's history)", async () => {
    const r = await getReport(s.coordinator, parseReportPeriod({ months: "6" }));
    const now = await s.service((tx) => tx.application.groupBy({ by: ["subareaId"], where: { status: "ADDED" }, _count: { _all: true } }));
    const names = await s.service((tx) => tx.subarea.findMany({ select: { id: true, name: true } }));
    const expected = Object.fromEntries(names.map((n) => [n.name, figureText(totalOf([now.find((c) => c.subareaId === n.id)?._count._all ?? 0]))]));
    const seen = Object.fromEntries(r.membersBySubarea.map((m) => [m.name, figureText(m.months[m.months.length - 1]!)]));
    expect(Object.values(expected).some((v) => v !== "0")).toBe(true);
    expect(seen).toEqual(Object.fromEntries(Object.entries(expected).filter(([name, v]) => v !== "0" || r.membersBySubarea.some((m) => m.name === name))));
  });

  it("two status changes at the same moment: the later one holds; each counts once in the flow", async () => {
    const later = new Date("2020-10-15T10:00:00Z");
    await s.service(async (tx) => {
      const noord = await tx.subarea.findFirstOrThrow({ where: { name: "Rapport Noord" } });
      const base = { mobile: "+31612345999", street: "Randgeval", postcode: "9999ZZ", rulesVersion: "test", rulesAcceptedAt: later, subareaId: noord.id };
      for (const [i, last] of (["LEFT", "ADDED"] as const).entries()) {
        const a = await tx.application.create({ data: { ...base, name: `Randgeval ${i}`, houseNumber: i + 1, status: last } });
        const at = new Date("2020-08-10T10:00:00Z");
        const events = last === "LEFT" ? [["NEW", "ADDED"], ["ADDED", "LEFT"]] : [["NEW", "LEFT"], ["LEFT", "ADDED"]];
        for (const [from, to] of events) await tx.applicationEvent.create({ data: { applicationId: a.id, at, actorKind: "STAFF", type: "STATUS_CHANGED", fromStatus: from as never, toStatus: to as never, subareaId: noord.id } });
      }
    });
    const r = await getReport(s.coordinator, parseReportPeriod({ from: "2020-08", to: "2020-09" }, later), later);
    // Noord had 6 members (and 1 after July); of the two, only the one ending "added" is one more.
    expect(r.membersBySubarea.find((m) => m.name === "Rapport Noord")!.months.map((f) => figureText(f))).toEqual(["8", "8"]);
    expect(r.flow.map((f) => [figureText(f.joined), figureText(f.left)])).toEqual([["< 5", "< 5"], ["0", "0"]]);
  });
});

describe("the report's files", () => {
  it("PDF: the figures and the rule as text, no personal data, audited", async () => {
    const { bytes, type, name } = await reportFile(s.coordinator, period(), "nl", "pdf", NOW);
    expect(type).toBe("application/pdf");
    expect(name).toBe("rapportage-2020-01-2020-06.pdf");
    const pdf = await pdfText(bytes);
    expect(pdf.language).toBe("nl-NL");
    expect(pdf.text).toContain("Leden per deelgebied");
    expect(pdf.text).toContain("Rapport Noord");
    expect(pdf.text).toContain("Lange Wachtweg");
    expect(pdf.text).toContain("< 5");
    expect(pdf.text).toContain("minstens 7");
    expect(pdf.text).toContain("Nog in behandeling");
    expect(pdf.text).toMatch(/één lid/);
    for (const p of people) for (const value of [p.name, p.mobile, p.email, p.postcode]) expect(pdf.text).not.toContain(value);
    const audit = await s.db.query<{ meta: unknown }>(`SELECT meta FROM "AuditEvent" WHERE action = 'report.downloaded' ORDER BY id DESC LIMIT 1`);
    expect(audit[0]!.meta).toEqual({ format: "pdf", count: 6 });
  });

  it("PDF in English", async () => {
    const pdf = await pdfText((await reportFile(s.coordinator, period(), "en", "pdf", NOW)).bytes);
    expect(pdf.language).toBe("en-GB");
    expect(pdf.text).toContain("Members per subarea");
    expect(pdf.text).toContain("at least 7");
    expect(pdf.text).not.toContain("minstens");
  });

  it("xlsx: the same figures, numbers as numbers, hidden counts as text, in English on request", async () => {
    const { bytes } = await reportFile(s.coordinator, period(), "en", "xlsx", NOW);
    const members = await readSheet(Buffer.from(bytes), "Members");
    expect(members[0]).toEqual(["Subarea", "Jan 2020", "Feb 2020", "Mar 2020", "Apr 2020", "May 2020", "Jun 2020"]);
    expect(members.find((r) => r[0] === "Rapport Noord")).toEqual(["Rapport Noord", 5, 7, 6, 6, 6, 6]);
    expect(members.find((r) => r[0] === "Rapport Zuid")).toEqual(["Rapport Zuid", 0, 0, 0, "< 5", "< 5", "< 5"]);
    expect(members[members.length - 1]).toEqual(["Total", 5, 7, 6, "at least 7", "at least 7", "at least 7"]);
    const waiting = await readSheet(Buffer.from(bytes), "Waiting");
    expect(waiting.slice(1)).toEqual([["Lange Wachtweg", 6], ["Wachtstraat", "< 5"], ["Total", "at least 7"]]);
    const all = JSON.stringify(await Promise.all(["About", "Members", "New and left", "Streets", "Waiting", "Expansion"].map((sheet) => readSheet(Buffer.from(bytes), sheet))));
    for (const p of people) for (const value of [p.name, p.mobile, p.email, p.postcode]) expect(all).not.toContain(value);
  });
});
