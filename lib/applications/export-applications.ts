import "server-only";
import Papa from "papaparse";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../errors";
import { formatPostcode } from "../subareas/address";
import { formatHouseNumber } from "./parse-house-number";
import type { ApplicationQuery } from "./application-query.schema";
import { filterWhere, orderBy } from "./search-where";

const MAX_EXPORT = 200_000;

/**
 * Every application matching the inbox filters as CSV, for coordinators only; the export and
 * exactly who was in it go into the audit trail (AVG: who received my data).
 */
export async function exportApplications(viewer: Viewer, query: ApplicationQuery): Promise<{ csv: string; count: number }> {
  if (viewer.role !== "COORDINATOR") throw new NotFoundError();
  return withViewer(
    viewer,
    async (tx) => {
      const rows = await tx.application.findMany({
        where: filterWhere(query),
        orderBy: orderBy(query),
        take: MAX_EXPORT,
        select: {
          id: true, name: true, mobile: true, street: true, houseNumber: true, houseLetter: true, houseNumberSuffix: true, postcode: true,
          email: true, status: true, source: true, createdAt: true, subarea: { select: { name: true } },
        },
      });
      const csv = Papa.unparse(
        rows.map((r) => ({
          id: r.id,
          name: r.name,
          mobile: r.mobile,
          street: r.street,
          house_number: formatHouseNumber(r),
          postcode: formatPostcode(r.postcode),
          email: r.email ?? "",
          status: r.status,
          subarea: r.subarea?.name ?? "",
          source: r.source,
          created_at: r.createdAt.toISOString(),
        })),
        { escapeFormulae: /^[=+\-@\t\r](?!\d+$)/ },
      );
      await recordAudit(tx, viewer, {
        action: "applications.exported",
        subjectIds: rows.map((r) => r.id),
        meta: { count: rows.length, format: "csv" },
      });
      return { csv, count: rows.length };
    },
    { timeout: 60_000 },
  );
}
