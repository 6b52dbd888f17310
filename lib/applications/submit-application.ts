import "server-only";
import { recordAudit } from "../audit/record-audit";
import { config } from "../config/env";
import { withScope } from "../db";
import type { Tx } from "../db/scope";
import type { AppLocale } from "../i18n/locales";
import { enqueueMail, mayMailUnconfirmed } from "../mail/enqueue-mail";
import { renderMail } from "../mail/render";
import { numberHash } from "../privacy/blocked-numbers";
import { classifyAddress } from "../subareas/classify-address";
import { loadAddressBook } from "../subareas/load-address-book";
import type { ApplyInput } from "./apply.schema";
import { newManageLink } from "./manage-link";
import { recordChange } from "./record-change";
import { RULES_VERSION } from "./rules-version";
import { findActiveDuplicate } from "./find-active-duplicate";

/**
 * What the resident is told. "received" and "waiting" depend only on the address they typed,
 * and `mailed` only on whether they typed an e-mail address, so a number that already has an
 * application gets exactly the answer (and the mail) a new one would.
 */
export type ApplyOutcome =
  | { result: "received" | "waiting"; mailed: boolean }
  | { result: "outside" }
  /** Nothing stored: ask the resident "Bedoel je <suggestion>?" and keep what they typed. */
  | { result: "uncertain"; suggestion: string };

const RESIDENT = { role: "RESIDENT" } as const;

/**
 * A resident's application from the public form, in one transaction in the service scope:
 * - the street probably misspelt and the postcode does not confirm it → nothing stored, the
 *   resident is asked about the suggestion (`keepTyped`: they said no, it is as they typed it);
 * - a street the neighbourhood does not know at one of its postcodes → NEW without a subarea,
 *   marked `addressUnrecognised` for a coordinator (never silently refused);
 * - outside every ACTIVE or PROPOSED subarea → nothing stored;
 * - a number with an active application → the existing one counts the repeat attempt (the
 *   coordinator sees it); without an e-mail address nothing else happens, with one a second
 *   application is stored and mailed exactly as below, so page and mail never tell whether the
 *   number was known (issue 11 item 7; docs/decisions/008-public-forms.md). Its private link shows
 *   only what this visitor typed; the coordinator merges the pair with the duplicate tools;
 * - otherwise a NEW (group exists) or WAITING (no group yet) application, flagged in its
 *   history when the number was blocked for a rule violation, and — with an e-mail address —
 *   a confirmation mail with the private link in the outbox, in the same transaction.
 */
export async function submitApplication(
  input: ApplyInput,
  { locale, now = new Date(), keepTyped = false }: { locale: AppLocale; now?: Date; keepTyped?: boolean },
): Promise<ApplyOutcome> {
  return withScope({ role: "service" }, async (tx) => {
    const { houseNumber, houseLetter, houseNumberSuffix } = input.houseNumber;
    const address = { street: input.street, houseNumber, postcode: input.postcode };
    const match = classifyAddress(await loadAddressBook(tx, [address]), address, { keepTyped });
    if (match.kind === "outside") return { result: "outside" };
    if (match.kind === "uncertain") return { result: "uncertain", suggestion: match.suggestion };
    const result = match.kind === "waiting" ? "waiting" : "received";
    const placed = match.kind === "unrecognised" ? null : match;

    // Two submissions of one number at the same moment must not both pass the duplicate check
    // below, which runs after the lock (a statement sees what was committed when it began).
    // Whether the number was blocked needs no lock: asked in the same round trip.
    const [{ blocked }] = await tx.$queryRaw<[{ blocked: boolean }]>`
      SELECT EXISTS (SELECT 1 FROM "BlockedNumber" WHERE hash = ${numberHash(input.mobile)}) AS blocked
      FROM (SELECT pg_advisory_xact_lock(hashtext(${`application:${input.mobile}`}))) AS locked`;
    const existing = await findActiveDuplicate(tx, input.mobile);
    if (existing) {
      await recordRepeatAttempt(tx, existing, now);
      if (!input.email) return { result, mailed: false };
    }

    const link = input.email ? newManageLink() : null;
    const status = match.status;
    const { id } = await tx.application.create({
      data: {
        name: input.name,
        mobile: input.mobile,
        // As the neighbourhood writes it ("Adm. Helfrichln" → "Admiraal Helfrichlaan"); unrecognised: as typed.
        street: placed?.street ?? input.street,
        houseNumber,
        houseLetter,
        houseNumberSuffix,
        postcode: input.postcode,
        email: input.email ?? null,
        locale,
        rulesVersion: RULES_VERSION,
        rulesAcceptedAt: now,
        status,
        source: "WEB",
        suggestedSubareaId: placed?.subareaId ?? null,
        matchedRuleId: placed?.ruleId ?? null,
        addressUnrecognised: !placed,
        manageTokenHash: link?.hash ?? null,
        statusChangedAt: now,
      },
      select: { id: true },
    });
    await recordChange(tx, RESIDENT, { applicationId: id, type: "SUBMITTED", fields: [], version: 1, toStatus: status, subareaId: placed?.subareaId ?? null });
    if (blocked) await recordChange(tx, RESIDENT, { applicationId: id, type: "BLOCKED_NUMBER", fields: ["mobile"], version: 1 });
    if (existing) await recordChange(tx, RESIDENT, { applicationId: id, type: "DUPLICATE_NUMBER", fields: ["mobile"], version: 1 });
    await recordAudit(tx, RESIDENT, {
      action: "application.submitted",
      targetType: "Application",
      targetId: id,
      subjectIds: [id],
      meta: { status, blockedNumber: blocked, duplicateNumber: Boolean(existing), withEmail: Boolean(link) },
    });
    // The mail goes to an address nobody has confirmed: nothing the visitor typed is in it.
    const template = match.kind === "waiting" ? "applicationWaiting" : "applicationReceived";
    if (link && input.email && (await mayMailUnconfirmed(tx, input.email, template))) {
      await enqueueMail(tx, { to: input.email, applicationId: id, ...renderMail(template, locale, { url: link.url, volunteerUrl: new URL("/volunteer", config().APP_URL).toString() }) });
    }
    return { result, mailed: Boolean(link) };
  });
}

async function recordRepeatAttempt(tx: Tx, existing: { id: number; version: number }, now: Date): Promise<void> {
  await tx.application.update({
    where: { id: existing.id },
    data: { repeatAttempts: { increment: 1 }, lastRepeatAt: now },
    select: { id: true },
  });
  await recordChange(tx, RESIDENT, { applicationId: existing.id, type: "REPEAT_ATTEMPT", fields: ["repeatAttempts"], version: existing.version });
  await recordAudit(tx, RESIDENT, { action: "application.repeat_attempt", targetType: "Application", targetId: existing.id, subjectIds: [existing.id] });
}
