// The coordinator's export: an .xlsx read back cell by cell (text stays text, dates are dates in
// Amsterdam time, labels in the coordinator's language), and the CSV kept for other programs.
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationQuerySchema } from "@/lib/applications/application-query.schema";
import { exportApplications, exportApplicationsXlsx } from "@/lib/applications/export-applications";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
const query = (q: Record<string, unknown> = {}) => applicationQuerySchema.parse({ size: 100, ...q });
let ids: number[];

beforeAll(async () => {
  s = await createSeededDatabase();
  // Two applications with what goes wrong in Excel: a formula-like name, a summer and a winter time.
  ids = await s.service(async (tx) => {
    const [a, b] = await tx.application.findMany({ where: { status: "NEW" }, orderBy: { id: "asc" }, take: 2, select: { id: true } });
    await tx.application.update({ where: { id: a!.id }, data: { name: "Zomer Exportproef", houseLetter: "A", houseNumberSuffix: "2", createdAt: new Date("2026-07-01T10:30:00Z") } });
    await tx.application.update({ where: { id: b!.id }, data: { name: "=HYPERLINK(\"x\") Exportproef", createdAt: new Date("2026-01-15T23:30:00Z") } });
    return [a!.id, b!.id];
  });
});
afterAll(() => s.db.drop());

describe("export for the coordinator's spreadsheet (.xlsx)", () => {
  it("has Dutch headers and labels, text as text, dates as Amsterdam dates, formulas neutralised", async () => {
    const { xlsx, count } = await exportApplicationsXlsx(s.coordinator, query({ q: "Exportproef", sort: "createdAt", dir: "asc" }), "nl");
    expect(count).toBe(2);
    const sheet = await readSheet(xlsx);
    expect(sheet[0]).toEqual(["Nummer", "Naam", "Mobiel nummer", "Straat", "Huisnummer", "Huisletter", "Toevoeging", "Postcode", "E-mail", "Status", "Deelgebied", "Bron", "Aangemeld op"]);
    const stored = await s.service((tx) => tx.application.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" }, include: { subarea: true } }));
    const [winter, summer] = [sheet[1]!, sheet[2]!];
    expect(winter[0]).toBe(ids[1]);
    expect(winter[1]).toBe("'=HYPERLINK(\"x\") Exportproef");
    // The mobile is text as a Dutch person reads it ("06 …"), never a number Excel shows as
    // 3,16E+10; so is the postcode. (The CSV for other programs keeps E.164.)
    expect(winter[2]).toBe(`06 ${stored[0]!.mobile.slice(4)}`);
    expect(typeof winter[2]).toBe("string");
    expect(winter[7]).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
    expect(winter[4]).toBe(stored[0]!.houseNumber);
    // Number, letter and addition in their own columns, as BAG models them (12A-2 = 12 + A + 2).
    expect([summer[4], summer[5], summer[6]]).toEqual([stored[1]!.houseNumber, "A", "2"]);
    expect(winter[9]).toBe("Nieuw");
    expect(winter[10] ?? "").toBe(stored[0]!.subarea?.name ?? "");
    // Dates are real dates holding Amsterdam's wall-clock time (23:30 UTC in winter is 00:30 the next day).
    expect(winter[12]).toBeInstanceOf(Date);
    // (An Excel date is a fraction of days: read back to the second.)
    const toSecond = (cell: unknown) => new Date(Math.round((cell as Date).getTime() / 1000) * 1000).toISOString();
    expect(toSecond(winter[12])).toBe("2026-01-16T00:30:00.000Z");
    expect(toSecond(summer[12])).toBe("2026-07-01T12:30:00.000Z");
  });

  it("opens whatever a resident typed as a name, even the name of a JavaScript object member", async () => {
    // write-excel-file keys its shared strings by a plain object: "toString" broke the whole file.
    const names = Object.getOwnPropertyNames(Object.prototype);
    const picked = await s.service(async (tx) => {
      const rows = await tx.application.findMany({ where: { status: "NEW", id: { notIn: ids } }, orderBy: { id: "asc" }, take: names.length, select: { id: true } });
      await Promise.all(rows.map((r, i) => tx.application.update({ where: { id: r.id }, data: { name: names[i]! } })));
      return rows.map((r) => r.id);
    });
    try {
      const { xlsx } = await exportApplicationsXlsx(s.coordinator, query({ size: 100, sort: "name", dir: "asc" }), "nl");
      const cells = (await readSheet(xlsx)).map((row) => row[1]);
      for (const name of names) expect(cells).toContain(`'${name}`);
    } finally {
      await s.service((tx) => Promise.all(picked.map((id, i) => tx.application.update({ where: { id }, data: { name: `Objectnaam ${i}` } }))));
    }
  });

  it("speaks the coordinator's language", async () => {
    const { xlsx } = await exportApplicationsXlsx(s.coordinator, query({ q: "Zomer Exportproef" }), "en");
    const sheet = await readSheet(xlsx);
    expect(sheet[0]![0]).toBe("Number");
    expect(sheet[1]![9]).toBe("New");
  });

  it("still has its header row when nothing matches", async () => {
    const { xlsx, count } = await exportApplicationsXlsx(s.coordinator, query({ q: "niemand-heet-zo" }), "nl");
    expect(count).toBe(0);
    const sheet = await readSheet(xlsx);
    expect(sheet).toHaveLength(1);
    expect(sheet[0]![1]).toBe("Naam");
  });

  it("is recorded in the audit trail with its format", async () => {
    await exportApplicationsXlsx(s.coordinator, query({ q: "Zomer Exportproef" }), "nl");
    const events = await s.db.query<{ meta: { format: string; count: number } }>(`SELECT meta FROM "AuditEvent" WHERE action = 'applications.exported' ORDER BY id DESC LIMIT 1`);
    expect(events[0]!.meta).toEqual({ count: 1, format: "xlsx" });
  });
});

describe("CSV for other programs", () => {
  it("keeps codes, UTC and formula neutralisation, and has a header when empty", async () => {
    const { csv } = await exportApplications(s.coordinator, query({ q: "Exportproef", sort: "createdAt", dir: "asc" }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("id,name,mobile,street,house_number,postcode,email,status,subarea,source,created_at");
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") Exportproef"`);
    expect(lines[1]).toContain(",NEW,");
    expect(lines[1]).toContain("2026-01-15T23:30:00.000Z");
    expect(lines[2]).toMatch(/,\d+A-2,/);
    expect((await exportApplications(s.coordinator, query({ q: "niemand-heet-zo" }))).csv.trim()).toBe("id,name,mobile,street,house_number,postcode,email,status,subarea,source,created_at");
  });
});
