import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { DomainValidationError, NotFoundError } from "../errors";
import { isBlockedNumber } from "./blocked-numbers";
import { historyFieldsOf } from "../applications/describe-history";

/**
 * Everything held about the person a request concerns (AVG art. 15), in one piece: their
 * application with its history, the mail we sent or will send them, their privacy requests,
 * what else is held under their e-mail address or number, and — from the audit trail — which
 * contact persons received their name and number and when, and which exports contained them.
 * Staff appear by name and role only. Producing it is itself recorded in the audit trail.
 */
export async function buildAccessExport(viewer: Viewer, requestId: number, format: "page" | "json", now = new Date()) {
  if (viewer.role !== "COORDINATOR" || !Number.isSafeInteger(requestId) || requestId < 1) throw new NotFoundError();
  return withViewer(viewer, async (tx) => {
    const request = await tx.privacyRequest.findFirst({ where: { id: requestId }, select: { id: true, type: true, receivedAt: true, dueAt: true, applicationId: true } });
    if (!request) throw new NotFoundError();
    if (request.applicationId === null) throw new DomainValidationError({ request: "noApplication" });
    const id = request.applicationId;
    const application = await tx.application.findFirst({
      where: { id },
      select: {
        id: true, name: true, mobile: true, email: true, emailConfirmedAt: true, street: true, houseNumber: true, houseLetter: true, houseNumberSuffix: true,
        postcode: true, locale: true, status: true, rejectionReason: true, source: true, inGroup: true, notes: true, rulesVersion: true,
        rulesAcceptedAt: true, repeatAttempts: true, lastRepeatAt: true, reconfirmAskedAt: true, reconfirmedAt: true, anonymisedAt: true,
        memberCheckAskedAt: true, memberCheckRemindedAt: true, memberConfirmedAt: true, memberCheckOpen: true,
        statusChangedAt: true, createdAt: true, updatedAt: true,
        subarea: { select: { name: true } },
        events: { orderBy: { at: "asc" }, select: { at: true, actorKind: true, actorId: true, type: true, fromStatus: true, toStatus: true, detail: true } },
      },
    });
    if (!application) throw new NotFoundError();
    const { events, subarea, ...details } = application;
    const email = application.email?.trim() || null;
    const mobile = application.mobile || null;

    const [mail, privacyRequests, audit, messages, expansionRequests, blockedNumber] = await Promise.all([
      tx.outboxMail.findMany({
        where: { OR: [{ applicationId: id }, ...(email ? [{ to: { equals: email, mode: "insensitive" as const } }] : [])] },
        orderBy: { id: "asc" },
        select: { createdAt: true, to: true, subject: true, text: true, status: true, sentAt: true },
      }),
      tx.privacyRequest.findMany({
        where: { applicationId: id },
        orderBy: { id: "asc" },
        select: { id: true, type: true, status: true, origin: true, receivedAt: true, dueAt: true, closedAt: true, note: true },
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
            select: { createdAt: true, name: true, replyTo: true, body: true, status: true, answeredAt: true },
          })
        : [],
      email || mobile
        ? tx.expansionRequest.findMany({
            where: { OR: [...(email ? [{ email: { equals: email, mode: "insensitive" as const } }] : []), ...(mobile ? [{ mobile }] : [])] },
            orderBy: { id: "asc" },
            select: { createdAt: true, name: true, mobile: true, email: true, streets: true, remark: true, status: true },
          })
        : [],
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
      blockedNumber,
    };
  });
}

export type AccessExport = Awaited<ReturnType<typeof buildAccessExport>>;
