import { describe, expect, it } from "vitest";
import { parseApplicationQuery } from "@/lib/applications/application-query.schema";
import { disjointFilterWheres, filterWhere } from "@/lib/applications/search-where";

const NOW = new Date("2026-11-30T12:00:00Z");
const conditions = (params: Record<string, string>) => (filterWhere(parseApplicationQuery(params), NOW).AND as object[]).slice(1);

describe("the inbox's subarea filter", () => {
  it("matches applications assigned to the subarea and unassigned ones suggested for it", () => {
    expect(conditions({ status: "NEW", subarea: "1" })).toEqual([
      { status: { in: ["NEW"] } },
      { OR: [{ subareaId: 1 }, { subareaId: null, suggestedSubareaId: 1 }] },
    ]);
  });

  it("'none' still means no assigned subarea, whatever was suggested", () => {
    expect(conditions({ subarea: "none" })).toEqual([{ subareaId: null }]);
  });

  it("ignores a subarea that is no id", () => {
    expect(conditions({ subarea: "drop table" })).toEqual([]);
  });

  it("splits a subarea into its assigned and its suggested unassigned applications for counting, the other filters in both", () => {
    const parts = disjointFilterWheres(parseApplicationQuery({ status: "NEW", subarea: "1", source: "WEB" }), NOW).map((w) => (w.AND as object[]).slice(1));
    expect(parts).toEqual([
      [{ status: { in: ["NEW"] } }, { subareaId: 1 }, { source: "WEB" }],
      [{ status: { in: ["NEW"] } }, { subareaId: null, suggestedSubareaId: 1 }, { source: "WEB" }],
    ]);
    expect(disjointFilterWheres(parseApplicationQuery({ subarea: "none" }), NOW)).toEqual([filterWhere(parseApplicationQuery({ subarea: "none" }), NOW)]);
    expect(disjointFilterWheres(parseApplicationQuery({}), NOW)).toEqual([filterWhere(parseApplicationQuery({}), NOW)]);
  });
});
