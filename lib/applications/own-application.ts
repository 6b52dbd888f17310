import "server-only";
import { recordAudit } from "../audit/record-audit";
import { tokenHash } from "../crypto/keyed-hash";
import { withScope } from "../db";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/scope";
import { ConflictError, DomainValidationError, NotFoundError, TransitionError } from "../errors";
import { enqueueMail, mayMailUnconfirmed } from "../mail/enqueue-mail";
import { renderMail } from "../mail/render";
import { eraseApplication } from "../privacy/erase-application";
import { eraseSubjectEverywhere } from "../privacy/erase-subject-tables";
import { isBlockedNumber } from "../privacy/blocked-numbers";
import { classifyAddress } from "../subareas/classify-address";
import { loadAddressBook } from "../subareas/load-address-book";
import type { ResidentDetails } from "./apply.schema";
import { isManageToken, newManageLink } from "./manage-link";
import { recordChange } from "./record-change";
import { ACTIVE_STATUSES, mayTransition } from "./status-machine";

/**
 * The resident's own application, reached through their private link. The token is looked up
 * (by its hash) in the service scope; everything after runs in the resident scope, where
 * row-level security shows this one row and column grants hide the internal notes.
 */

const RESIDENT = { role: "RESIDENT" } as const;

/** The application the private link belongs to, or null (unknown, or erased: the link is gone). */
export async function applicationIdForToken(token: string): Promise<number | null> {
  if (!isManageToken(token)) return null;
  const row = await withScope({ role: "service" }, (tx) =>
    tx.application.findUnique({ where: { manageTokenHash: tokenHash(token) }, select: { id: true, anonymisedAt: true } }),
  );
  return row && !row.anonymisedAt ? row.id : null;
}

export const ownApplicationSelect = {
  id: true,
  name: true,
  mobile: true,
  street: true,
  houseNumber: true,
  houseLetter: true,
  houseNumberSuffix: true,
  postcode: true,
  email: true,
  emailConfirmedAt: true,
  locale: true,
  rulesVersion: true,
  rulesAcceptedAt: true,
  status: true,
  inGroup: true,
  statusChangedAt: true,
  reconfirmAskedAt: true,
  memberCheckAskedAt: true,
  memberConfirmedAt: true,
  createdAt: true,
  version: true,
  subarea: { select: { name: true } },
} as const satisfies Prisma.ApplicationSelect;

export type OwnApplicationDto = Prisma.ApplicationGetPayload<{ select: typeof ownApplicationSelect }>;

const residentScope = (applicationId: number) => ({ role: "resident", applicationId }) as const;

export async function getOwnApplication(applicationId: number): Promise<OwnApplicationDto> {
  const row = await withScope(residentScope(applicationId), (tx) =>
    tx.application.findFirst({ where: { id: applicationId, anonymisedAt: null }, select: ownApplicationSelect }),
  );
  if (!row) throw new NotFoundError();
  return row;
}

/** Double opt-in: the resident confirms, on their private page, that the address is theirs. */
export async function confirmOwnEmail(applicationId: number, now = new Date()): Promise<void> {
  await withScope(residentScope(applicationId), async (tx) => {
    const current = await loadCurrent(tx, applicationId);
    if (current.emailConfirmedAt || !current.email) return;
    await tx.application.updateMany({ where: { id: applicationId }, data: { emailConfirmedAt: now } });
    await recordChange(tx, RESIDENT, { applicationId, type: "EMAIL_CONFIRMED", fields: ["emailConfirmedAt"], version: current.version });
    await recordAudit(tx, RESIDENT, { action: "application.email_confirmed", targetType: "Application", targetId: applicationId, subjectIds: [applicationId] });
  });
}

export interface CorrectionResult {
  /** A new private link when the e-mail address changed (the old one stops working). */
  newToken: string | null;
  changed: string[];
}

/**
 * The resident corrects their details. Re-validated by the caller's schema; the address is
 * matched again: an address outside the area is refused, an application still waiting for
 * triage moves between NEW and WAITING with it. A new e-mail address gets a new private link
 * (sent there, to be confirmed) and the old address is told of the change; a new number is
 * checked against blocked numbers (flagged in the history for the coordinator) and, as on the
 * apply form, refused when another active application has it.
 */
export async function correctOwnApplication(
  applicationId: number,
  details: ResidentDetails,
  seenVersion: number,
  now = new Date(),
): Promise<CorrectionResult> {
  const typedAddress = { street: details.street, houseNumber: details.houseNumber.houseNumber, postcode: details.postcode };
  const flags = await withScope({ role: "service" }, async (tx) => {
    const before = await tx.application.findFirst({ where: { id: applicationId }, select: { email: true, emailConfirmedAt: true } });
    const newEmail = details.email ?? null;
    const emailChanges = before !== null && newEmail !== before.email;
    return {
      // Read here: the resident's own scope sees no other application's postcode.
      book: await loadAddressBook(tx, [typedAddress]),
      blocked: await isBlockedNumber(tx, details.mobile),
      duplicate: (await tx.application.count({ where: { mobile: details.mobile, id: { not: applicationId }, status: { in: [...ACTIVE_STATUSES] } } })) > 0,
      // Both addresses are told of an e-mail change; an unconfirmed one within its daily cap.
      mailNew: emailChanges && newEmail !== null && (await mayMailUnconfirmed(tx, newEmail, "manageLink")),
      mailOld: emailChanges && before.email !== null && (before.emailConfirmedAt !== null || (await mayMailUnconfirmed(tx, before.email, "emailChangedNotice"))),
    };
  });

  return withScope(residentScope(applicationId), async (tx) => {
    const current = await loadCurrent(tx, applicationId);
    if (current.version !== seenVersion) throw new ConflictError();
    const { houseNumber, houseLetter, houseNumberSuffix } = details.houseNumber;
    // The form has no question to ask: a street it is unsure of goes to a coordinator as typed.
    const match = classifyAddress(flags.book, typedAddress, { keepTyped: true });
    const placed = match.kind === "covered" || match.kind === "waiting" ? match : null;
    const next = {
      name: details.name,
      mobile: details.mobile,
      street: placed?.street ?? details.street,
      houseNumber,
      houseLetter,
      houseNumberSuffix,
      postcode: details.postcode,
      email: details.email ?? null,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== current[key]);
    if (changed.length === 0) return { newToken: null, changed };

    // An active application cannot be moved onto a number that another active application has
    // (a second one that apply stored with that number already has it, and may keep it).
    if (changed.includes("mobile") && flags.duplicate && (ACTIVE_STATUSES as readonly string[]).includes(current.status)) {
      throw new DomainValidationError({ mobile: "duplicateNumber" });
    }

    const data: Prisma.ApplicationUpdateManyMutationInput & { suggestedSubareaId?: number | null; matchedRuleId?: number | null } = { ...next };
    let toStatus: "NEW" | "WAITING" | undefined;
    const addressChanged = changed.some((key) => key === "street" || key === "houseNumber" || key === "postcode");
    if (addressChanged) {
      if (match.kind === "outside" || match.kind === "uncertain") throw new DomainValidationError({ street: "outsideArea" });
      data.suggestedSubareaId = placed?.subareaId ?? null;
      data.matchedRuleId = placed?.ruleId ?? null;
      data.addressUnrecognised = !placed;
      // Still waiting for triage: the new address decides between "has a group" and "waits".
      if (current.status === "NEW" || current.status === "WAITING") {
        const status = match.kind === "waiting" ? "WAITING" : "NEW";
        if (status !== current.status) {
          toStatus = status;
          data.status = status;
          data.statusChangedAt = now;
        }
      }
    }
    let newToken: string | null = null;
    const emailChanged = changed.includes("email");
    const link = emailChanged ? newManageLink() : null;
    if (emailChanged) {
      data.emailConfirmedAt = null;
      // Without an address there is no way to mail a link: the current one stays valid.
      if (next.email && link) {
        data.manageTokenHash = link.hash;
        newToken = link.token;
      }
    }
    const version = current.version + 1;
    data.version = version;
    const updated = await tx.application.updateMany({ where: { id: applicationId, version: current.version }, data });
    if (updated.count !== 1) throw new ConflictError();

    await recordChange(tx, RESIDENT, {
      applicationId,
      type: "CORRECTED",
      fields: changed,
      version,
      ...(toStatus ? { fromStatus: current.status, toStatus } : {}),
    });
    if (changed.includes("mobile") && flags.blocked) await recordChange(tx, RESIDENT, { applicationId, type: "BLOCKED_NUMBER", fields: ["mobile"], version });
    if (changed.includes("mobile") && flags.duplicate) await recordChange(tx, RESIDENT, { applicationId, type: "DUPLICATE_NUMBER", fields: ["mobile"], version });
    await recordAudit(tx, RESIDENT, { action: "application.corrected", targetType: "Application", targetId: applicationId, subjectIds: [applicationId], meta: { fields: changed } });
    // Neither mail carries text the resident typed: the new address is not confirmed yet.
    if (newToken && next.email && link && flags.mailNew) {
      await enqueueMail(tx, { to: next.email, applicationId, ...renderMail("manageLink", current.locale, { url: link.url }) });
    }
    if (emailChanged && current.email && flags.mailOld) {
      await enqueueMail(tx, { to: current.email, applicationId, ...renderMail("emailChangedNotice", current.locale, {}) });
    }
    return { newToken, changed };
  });
}

/**
 * The resident leaves. Someone already in a WhatsApp group stays `inGroup`: as WITHDRAWN they
 * become a removal task for the contact person.
 */
export async function withdrawOwnApplication(applicationId: number, now = new Date()): Promise<void> {
  await withScope(residentScope(applicationId), (tx) => withdraw(tx, applicationId, now));
}

async function withdraw(tx: Tx, applicationId: number, now: Date): Promise<void> {
  const current = await loadCurrent(tx, applicationId);
  if (current.status === "WITHDRAWN") return;
  if (!mayTransition(current.status, "WITHDRAWN", "RESIDENT")) throw new TransitionError(current.status, "WITHDRAWN");
  const version = current.version + 1;
  const updated = await tx.application.updateMany({
    where: { id: applicationId, version: current.version },
    data: { status: "WITHDRAWN", statusChangedAt: now, version },
  });
  if (updated.count !== 1) throw new ConflictError(["status"]);
  await recordChange(tx, RESIDENT, { applicationId, type: "STATUS_CHANGED", fields: ["status"], version, fromStatus: current.status, toStatus: "WITHDRAWN", subareaId: current.subareaId });
  await recordAudit(tx, RESIDENT, { action: "application.withdrawn", targetType: "Application", targetId: applicationId, subjectIds: [applicationId], meta: { from: current.status } });
}

/**
 * Erasure at once ("wis mijn gegevens"): the person is first erased from every other table the
 * processing register lists (lib/privacy/erase-subject-tables.ts: mail, questions, offers, intake
 * drafts and spreadsheet rows under their e-mail address or number — by number only when no
 * other application has it), in the service scope as the resident's own role may not reach those
 * tables; then an active application is withdrawn (so a
 * person in a group becomes a removal task) and every personal field goes
 * (lib/privacy/erase-application.ts). The row stays for anonymous counts; the private link stops
 * working. NotFoundError when the application is gone or already erased.
 */
export async function eraseOwnApplication(applicationId: number, now = new Date()): Promise<{ keptForRemoval: boolean }> {
  const subject = await withScope(residentScope(applicationId), (tx) => loadCurrent(tx, applicationId));
  await withScope({ role: "service" }, async (tx) => {
    // The private link proves the e-mail address, never the number: anyone can apply with a
    // number another application has (issue 11 item 7). Then what is stored elsewhere under that
    // number may be the other person's, and stays for a coordinator's erasure request.
    const numberShared = !!subject.mobile && (await tx.application.count({ where: { mobile: subject.mobile, id: { not: applicationId }, anonymisedAt: null } })) > 0;
    await eraseSubjectEverywhere(tx, { applicationId, email: subject.email?.trim() || null, mobile: numberShared ? null : subject.mobile || null });
  });
  return withScope(residentScope(applicationId), async (tx) => {
    const current = await loadCurrent(tx, applicationId);
    if ((ACTIVE_STATUSES as readonly string[]).includes(current.status)) await withdraw(tx, applicationId, now);
    const result = await eraseApplication(tx, applicationId, now);
    await recordAudit(tx, RESIDENT, { action: "application.erased", targetType: "Application", targetId: applicationId, subjectIds: [applicationId], meta: { keptForRemoval: result.keptForRemoval } });
    return result;
  });
}

async function loadCurrent(tx: Tx, applicationId: number) {
  const row = await tx.application.findFirst({
    where: { id: applicationId, anonymisedAt: null },
    select: {
      name: true, mobile: true, street: true, houseNumber: true, houseLetter: true, houseNumberSuffix: true, postcode: true, email: true,
      emailConfirmedAt: true, status: true, subareaId: true, version: true, locale: true,
    },
  });
  if (!row) throw new NotFoundError();
  return row;
}
