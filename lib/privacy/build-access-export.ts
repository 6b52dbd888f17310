import "server-only";
import { assertCan } from "../auth/can";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { DomainValidationError, NotFoundError } from "../errors";
import { isBlockedNumber } from "./blocked-numbers";
import { historyFieldsOf } from "../applications/describe-history";
import { shownColumns } from "./access-columns";
import type { PersonalDataTable } from "./processing-register";

/**
 * Where each table of the processing register appears in the access export, or why it does
 * not. Typed against the register: a new table fails the type check until it is decided here.
 * The columns shown of the tables read as rows come from the register (shownColumns).
 */
export const ACCESS_BY_TABLE = {
  Application: "application: every column the register shows, the subarea by name",
  ApplicationEvent: "history: who changed what and when, field names and reasons only",
  OutboxMail: "mail: sent or waiting, to the application or the person's address",
  BlockedNumber: "blockedNumber: whether the person's number is blocked (only its keyed hash is held)",
  ExpansionRequest: "expansionRequests: offers under the person's address or number",
  Message: "messages: questions sent with the person's address",
  ViolationReport: "violationReports: reports that the person broke the group rules",
  MailDraft: "not shown: a mail waiting in intake for a day or two, the person's own mail; it becomes the application",
  ImportBatch: "not shown: a spreadsheet waiting for import for a day; its row becomes the application",
  User: "not shown: staff accounts; staff appear by name and role only",
  SubareaContact: "not shown: staff accounts",
  Session: "not shown: staff accounts",
  VerificationToken: "not shown: a sign-in link's secret, for staff, gone within the hour",
  AuditEvent: "disclosures and exports: which contact persons received name and number, which exports held them",
  PrivacyRequest: "privacyRequests: the person's requests and their handling",
  RateLimit: "not shown: a counter under a keyed hash, gone within the hour",
} as const satisfies Record<PersonalDataTable, string>;

/**
 * Everything held about the person a request concerns (AVG art. 15), in one piece: their
 * application with its history, the mail we sent or will send them, their privacy requests,
 * what else is held under their e-mail address or number, and — from the audit trail — which
 * contact persons received their name and number and when, and which exports contained them.
 * Staff appear by name and role only. Producing it is itself recorded in the audit trail.
 * What it holds follows the processing register: ACCESS_BY_TABLE per table, shownColumns per
 * column.
 */
export async function buildAccessExport(viewer: Viewer, requestId: number, format: "page" | "json", now = new Date()) {
  assertCan(viewer, "privacy.export");
  if (!Number.isSafeInteger(requestId) || requestId < 1) throw new NotFoundError();
  return withViewer(viewer, async (tx) => {
    const request = await tx.privacyRequest.findFirst({ where: { id: requestId }, select: { id: true, type: true, receivedAt: true, dueAt: true, applicationId: true } });
    if (!request) throw new NotFoundError();
    if (request.applicationId === null) throw new DomainValidationError({ request: "noApplication" });
    const id = request.applicationId;
    const application = await tx.application.findFirst({
      where: { id },
      select: {
        ...shownColumns("Application", { id: true, updatedAt: true }),
        subarea: { select: { name: true } },
        events: { orderBy: { at: "asc" }, select: { at: true, actorKind: true, actorId: true, type: true, fromStatus: true, toStatus: true, detail: true } },
      },
    });
    if (!application) throw new NotFoundError();
    const { events, subarea, ...details } = application;
    const email = application.email?.trim() || null;
    const mobile = application.mobile || null;

    const [mail, privacyRequests, audit, messages, expansionRequests, violationReports, blockedNumber] = await Promise.all([
      tx.outboxMail.findMany({
        where: { OR: [{ applicationId: id }, ...(email ? [{ to: { equals: email, mode: "insensitive" as const } }] : [])] },
        orderBy: { id: "asc" },
        select: shownColumns("OutboxMail", { createdAt: true, status: true }),
      }),
      tx.privacyRequest.findMany({
        where: { applicationId: id },
        orderBy: { id: "asc" },
        select: shownColumns("PrivacyRequest", { id: true }),
      }),
      tx.auditEvent.findMany({
        where: { subjectIds: { has: id }, action: { in: ["application.disclosed", "applications.exported"] } },
        orderBy: { id: "asc" },
        select: { at: true, action: true, actorId: true, actorRole: true, meta: true },
      }),
      email
        ? tx.message.findMany({
            where: { replyTo: { equals: email, mode: "insensitive" } },
            orderBy: { id: "asc" },
            select: shownColumns("Message"),
          })
        : [],
      email || mobile
        ? tx.expansionRequest.findMany({
            where: { OR: [...(email ? [{ email: { equals: email, mode: "insensitive" as const } }] : []), ...(mobile ? [{ mobile }] : [])] },
            orderBy: { id: "asc" },
            select: shownColumns("ExpansionRequest"),
          })
        : [],
      tx.violationReport.findMany({ where: { applicationId: id }, orderBy: { id: "asc" }, select: shownColumns("ViolationReport", { status: true }) }),
      mobile ? isBlockedNumber(tx, mobile) : false,
    ]);

    const staffIds = [...new Set([...audit, ...events].map((e) => e.actorId).filter((v): v is string => v !== null))];
    const staff = new Map(
      (await tx.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true, role: true } })).map((u) => [u.id, u]),
    );
    const who = (e: (typeof audit)[number]) => ({ name: (e.actorId && staff.get(e.actorId)?.name) || null, role: e.actorRole });
    const staffOf = (actorId: string | null) => {
      const person = actorId ? staff.get(actorId) : undefined;
      return person ? { name: person.name || null, role: person.role } : null;
    };
    const meta = (e: (typeof audit)[number]) => (e.meta ?? {}) as Record<string, unknown>;

    await recordAudit(tx, viewer, {
      action: "privacy.access_exported",
      targetType: "PrivacyRequest",
      targetId: request.id,
      subjectIds: [id],
      meta: { format },
    });

    return {
      generatedAt: now,
      request: { id: request.id, type: request.type, receivedAt: request.receivedAt, dueAt: request.dueAt },
      application: { ...details, subarea: subarea?.name ?? null },
      // Codes stay codes here (the JSON download is for machines); the page puts them in words.
      history: events.map((e) => ({
        at: e.at,
        by: e.actorKind,
        staff: e.actorKind === "STAFF" ? staffOf(e.actorId) : null,
        type: e.type,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        fields: historyFieldsOf(e.detail),
        reason: typeof (e.detail as { reason?: unknown } | null)?.reason === "string" ? ((e.detail as { reason: string }).reason) : null,
      })),
      mail,
      privacyRequests,
      disclosures: audit
        .filter((e) => e.action === "application.disclosed")
        .map((e) => ({ at: e.at, recipient: who(e), channel: typeof meta(e).channel === "string" ? (meta(e).channel as string) : null })),
      exports: audit
        .filter((e) => e.action === "applications.exported")
        .map((e) => ({ at: e.at, by: who(e), format: typeof meta(e).format === "string" ? (meta(e).format as string) : null, rows: typeof meta(e).count === "number" ? (meta(e).count as number) : null })),
      messages,
      expansionRequests,
      violationReports,
      blockedNumber,
    };
  });
}

export type AccessExport = Awaited<ReturnType<typeof buildAccessExport>>;
