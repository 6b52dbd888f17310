import "server-only";
import type { ViewerWith } from "../auth/can";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import {
  applicationFieldsSchema,
  fieldErrorsOf,
  type ApplicationFieldsInput,
  type FieldErrors,
} from "../applications/application-fields.schema";
import { classifyAddress } from "../subareas/classify-address";
import { findActiveDuplicate, type ActiveApplicationRef } from "../applications/find-active-duplicate";
import { insertApplications } from "../applications/insert-applications";
import { newApplication } from "./check-import-rows";
import { loadAddressBook } from "../subareas/load-address-book";
import { NotFoundError } from "../errors";

export type SaveMailDraftResult =
  | { ok: true; applicationId: number; status: "NEW" | "WAITING"; subareaId: number | null }
  | { ok: false; fieldErrors: FieldErrors }
  /** No subarea's rules (active or proposed) cover the address: nothing stored. */
  | { ok: false; outside: true }
  /** The number already has an active application: no second record. */
  | { ok: false; duplicateOf: Pick<ActiveApplicationRef, "id" | "status"> };

type Refusal = Exclude<SaveMailDraftResult, { ok: true }>;

/**
 * Saves a checked draft as an application (source MAILBOX) under the rules of the public apply
 * form: a mobile number, a Dutch postcode, an address inside a subarea (covered → NEW with the
 * subarea suggested; no group yet → WAITING) and no second record for a number that already
 * has an active application. The address goes through the one matcher: a street it does not
 * know (or is unsure of) at a postcode of the neighbourhood is saved as NEW without a subarea,
 * marked "adres niet herkend"; only an address outside the neighbourhood is refused, as on the
 * public form (if the street does belong to it, the fix is an address rule).
 * A refused save keeps the coordinator's corrections in the draft. Saving deletes the draft;
 * the audit event holds ids only.
 */
export async function saveMailDraft(viewer: ViewerWith<"intake.mail">, id: number, input: ApplicationFieldsInput): Promise<SaveMailDraftResult> {
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError();
  const parsed = applicationFieldsSchema.safeParse(input);
  return withViewer(viewer, async (tx) => {
    const keep = async (refusal: Refusal): Promise<Refusal> => {
      const fields = Object.fromEntries(
        (["name", "mobile", "street", "houseNumber", "houseNumberSuffix", "postcode", "email"] as const).map((key) => [key, (input[key] ?? "").slice(0, 200) || null]),
      );
      const { count } = await tx.mailDraft.updateMany({ where: { id }, data: fields });
      if (count !== 1) throw new NotFoundError();
      return refusal;
    };
    if (!parsed.success) return keep({ ok: false, fieldErrors: fieldErrorsOf(parsed.error) });
    const fields = parsed.data;
    const outcome = classifyAddress(await loadAddressBook(tx, [fields]), fields, { keepTyped: true });
    if (outcome.kind === "outside" || outcome.kind === "uncertain") return keep({ ok: false, outside: true });
    const duplicate = await findActiveDuplicate(tx, fields.mobile);
    if (duplicate) return keep({ ok: false, duplicateOf: { id: duplicate.id, status: duplicate.status } });

    const [applicationId] = await insertApplications(
      tx,
      viewer,
      [newApplication(fields, outcome)],
      { source: "MAILBOX" },
    );
    // Deleting last: a second coordinator saving the same draft at the same time waits here and
    // then finds it gone, which rolls their insert back.
    const { count } = await tx.mailDraft.deleteMany({ where: { id } });
    if (count !== 1) throw new NotFoundError();
    await recordAudit(tx, viewer, {
      action: "application.created_from_mail",
      targetType: "Application",
      targetId: applicationId!,
      subjectIds: [applicationId!],
      meta: { status: outcome.status },
    });
    return { ok: true, applicationId: applicationId!, status: outcome.status, subareaId: outcome.kind === "unrecognised" ? null : outcome.subareaId };
  });
}
