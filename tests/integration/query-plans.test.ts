// At 100,000 applications the coordinator's inbox (filtered and sorted) and its search must
// use indexes: this runs the data layer's real queries, captures the SQL Prisma sends, and
// asks PostgreSQL for their plans under the coordinator's role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApplicationQuery } from "@/lib/applications/application-query.schema";
import { listApplications } from "@/lib/applications/list-applications";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
const captured: { sql: string; params: unknown[] }[] = [];

beforeAll(async () => {
  s = await createSeededDatabase({
    applications: 100_000,
    onQuery: (sql, params) => {
      if (/^SELECT .*FROM "public"\."Application"/s.test(sql)) captured.push({ sql, params: JSON.parse(params) });
    },
  });
  // As autovacuum leaves a table in use: statistics, and the visibility map index-only scans need.
  await s.db.query(`VACUUM ANALYZE`);
}, 300_000);
afterAll(() => s.db.drop());

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function plansOf(run: () => Promise<unknown>): Promise<PlanNode[][]> {
  captured.length = 0;
  await run();
  // Copy before explaining: the EXPLAIN queries would be captured too.
  const queries = captured.splice(0);
  expect(queries.length).toBeGreaterThan(0);
  const plans: PlanNode[][] = [];
  for (const { sql, params } of queries) {
    const rows = await s.db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL ROLE buurt_coordinator`);
      return tx.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${sql}`, ...params);
    });
    plans.push(nodes(rows[0]!["QUERY PLAN"][0].Plan));
  }
  return plans;
}

const seqScans = (plans: PlanNode[][]) => plans.flat().filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Application");
const indexes = (plans: PlanNode[][]) => plans.flat().map((n) => n["Index Name"]).filter(Boolean);
/** Every query reads Application through an index. */
const everyQueryIndexed = (plans: PlanNode[][]) => plans.every((plan) => plan.some((n) => n["Index Name"]?.startsWith("Application_")));

describe("query plans at 100,000 applications", () => {
  it("the filtered, sorted inbox uses indexes, for a status and subarea too", async () => {
    const subarea = s.subareaIds[0]!;
    const single = await plansOf(() => listApplications(s.coordinator, parseApplicationQuery({ status: "ASSIGNED", subarea: String(subarea), sort: "createdAt", dir: "desc" })));
    expect(seqScans(single)).toEqual([]);
    // The subarea filter is "assigned to it, or unassigned and suggested for it": an OR, so the
    // page may walk the created index and the count combines the subarea and suggestion indexes.
    expect(everyQueryIndexed(single)).toBe(true);
    const several = await plansOf(() => listApplications(s.coordinator, parseApplicationQuery({ status: "NEW,ASSIGNED", subarea: String(subarea), sort: "createdAt", dir: "desc" })));
    expect(seqScans(several)).toEqual([]);
    expect(everyQueryIndexed(several)).toBe(true);
    // Its count adds the assigned and the suggested part, each read from an index alone: the
    // combined condition read every matching row from the table (issue 15).
    const counts = several.filter((plan) => plan[0]!["Node Type"] === "Aggregate");
    expect(counts.length).toBe(2);
    for (const plan of counts) expect(plan.filter((n) => n["Relation Name"] === "Application").map((n) => n["Node Type"])).toEqual(["Index Only Scan"]);
    // Triage: new applications of a subarea are mostly its suggestions (assigned or suggested).
    const triage = await plansOf(() => listApplications(s.coordinator, parseApplicationQuery({ status: "NEW", subarea: String(subarea), sort: "createdAt", dir: "desc" })));
    expect(seqScans(triage)).toEqual([]);
    expect(indexes(triage)).toContain("Application_inbox_suggested_idx");
    const unfiltered = await plansOf(() => listApplications(s.coordinator, parseApplicationQuery({ sort: "createdAt", dir: "desc" })));
    expect(indexes(unfiltered)).toContain("Application_createdAt_idx");
  });

  it("a name search uses the trigram index", async () => {
    // A full name, as a coordinator searching for one resident types it. The seed repeats a few
    // hundred name combinations (each ~1 in 900 rows, which a planner may rightly read
    // sequentially); a real resident's full name is close to unique, so the test searches one.
    const name = "Wilhelmina Quackenbosch";
    await s.service((tx) =>
      tx.application.create({
        data: { name, mobile: "+31699990001", street: "Lindelaan", houseNumber: 1, postcode: "6951BA", rulesVersion: "2026-11", rulesAcceptedAt: new Date() },
        select: { id: true },
      }),
    );
    const plans = await plansOf(() => listApplications(s.coordinator, parseApplicationQuery({ q: name })));
    expect(seqScans(plans)).toEqual([]);
    expect(indexes(plans)).toContain("Application_name_trgm_idx");
  });

  it("a phone search uses the mobile index", async () => {
    const { mobile } = await s.service((tx) => tx.application.findFirstOrThrow({ select: { mobile: true } }));
    const plans = await plansOf(() => listApplications(s.coordinator, parseApplicationQuery({ q: `0${mobile.slice(3)}` })));
    expect(seqScans(plans)).toEqual([]);
    expect(indexes(plans)).toContain("Application_mobile_idx");
  });
});
