import "server-only";
import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/node";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import type { AppLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";
import { displayPhone } from "../phone/mobile";
import { formatPostcode } from "../subareas/address";
import type { ApplicationQuery } from "./application-query.schema";
import { formatHouseNumber } from "./parse-house-number";
import { filterWhere, orderBy } from "./search-where";
import { assertCan } from "../auth/can";

const MAX_EXPORT = 200_000;
const TIME_ZONE = "Europe/Amsterdam";

/** .xlsx for the coordinator's spreadsheet program; CSV for other programs (English codes, UTC). */
export type ExportFormat = "xlsx" | "csv";

// A cell starting with = + - @ tab or CR is a formula to a spreadsheet program (unless it is a
// plain negative number): such text gets a leading ' in both formats, so a file saved on as CSV
// stays harmless too.
const FORMULA_START = /^[=+\-@\t\r](?!\d+$)/;

// write-excel-file (4.1.1, the latest) looks its shared strings up in a plain object, so a text
// that is the name of an Object.prototype member ("constructor", "toString", "__proto__", …) gets
// no valid index and the whole workbook fails to open. Any resident can send such a name; it gets
// the same leading ' as a formula, and the file opens.
const OBJECT_MEMBER_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * `text` made harmless for an .xlsx cell (write-excel-file): a leading formula character, or a
 * text the writer would mistake for one of its own object's members, gets a ' before it.
 */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) || OBJECT_MEMBER_NAMES.has(text) ? `'${text}` : text;
}

async function loadForExport(viewer: Viewer, query: ApplicationQuery, format: ExportFormat) {
  assertCan(viewer, "applications.export");
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
      await recordAudit(tx, viewer, {
        action: "applications.exported",
        subjectIds: rows.map((r) => r.id),
        meta: { count: rows.length, format },
      });
      return rows;
    },
    { timeout: 60_000 },
  );
}

/**
 * Every application matching the inbox filters as CSV for other programs: comma separated,
 * English column names, status and source codes, times in ISO 8601 UTC. Needs `applications.export`; the
 * export and exactly who was in it go into the audit trail (AVG: who received my data).
 */
export async function exportApplications(viewer: Viewer, query: ApplicationQuery): Promise<{ csv: string; count: number }> {
  const rows = await loadForExport(viewer, query, "csv");
  const csv = Papa.unparse(
    {
      fields: ["id", "name", "mobile", "street", "house_number", "postcode", "email", "status", "subarea", "source", "created_at"],
      data: rows.map((r) => [
        r.id,
        r.name,
        r.mobile,
        r.street,
        formatHouseNumber(r),
        formatPostcode(r.postcode),
        r.email ?? "",
        r.status,
        r.subarea?.name ?? "",
        r.source,
        r.createdAt.toISOString(),
      ]),
    },
    { escapeFormulae: FORMULA_START },
  );
  return { csv, count: rows.length };
}

/** The wall-clock time in Europe/Amsterdam as a Date whose UTC fields hold it: a spreadsheet date has no time zone. */
function amsterdamWallClock(date: Date): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(date)
      .map((p) => [p.type, Number(p.value)]),
  );
  return new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!));
}

/**
 * The same selection as an .xlsx workbook that opens right in Excel and LibreOffice as set up in
 * the Netherlands: headers, statuses and sources in the coordinator's language (`locale`);
 * mobile (as people read it, lib/phone), postcode and every other text as text cells (never "3,16E+10"); the application
 * date as a real date-time in Europe/Amsterdam time (dd-mm-jjjj uu:mm); formula-like text
 * neutralised as in the CSV. An empty selection still has its header row. Audited as the CSV.
 */
export async function exportApplicationsXlsx(viewer: Viewer, query: ApplicationQuery, locale: AppLocale): Promise<{ xlsx: Buffer; count: number }> {
  const rows = await loadForExport(viewer, query, "xlsx");
  const t = translatorFor(locale);
  const text = (value: string | null) => ({ value: neutralise(value ?? ""), type: String, format: "@" }) as const;
  const header = [
    t("staff.export.id"),
    t("staff.fields.name"),
    t("staff.fields.mobile"),
    t("staff.fields.street"),
    t("staff.fields.houseNumber"),
    t("staff.export.houseLetter"),
    t("staff.fields.houseNumberSuffix"),
    t("staff.fields.postcode"),
    t("staff.fields.email"),
    t("staff.fields.status"),
    t("staff.applications.subarea"),
    t("staff.export.source"),
    t("staff.export.createdAt"),
  ].map((value) => ({ value, type: String, fontWeight: "bold" }) as const);
  const data = rows.map((r) => [
    { value: r.id, type: Number },
    text(r.name),
    text(displayPhone(r.mobile)),
    text(r.street),
    { value: r.houseNumber, type: Number },
    text(r.houseLetter),
    text(r.houseNumberSuffix),
    text(formatPostcode(r.postcode)),
    text(r.email),
    text(t(`staff.status.${r.status}`)),
    text(r.subarea?.name ?? null),
    text(t(`staff.export.sources.${r.source}`)),
    { value: amsterdamWallClock(r.createdAt), type: Date, format: "dd-mm-yyyy hh:mm" },
  ]);
  const widths = [10, 28, 16, 26, 11, 10, 11, 10, 30, 18, 22, 16, 17];
  const xlsx = await writeXlsxFile([header, ...data], {
    sheet: t("staff.export.sheet"),
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBuffer();
  return { xlsx, count: rows.length };
}
