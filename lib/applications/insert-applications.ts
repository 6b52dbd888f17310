import "server-only";
import type { Viewer } from "../auth/viewer-types";
import type { Tx } from "../db/scope";
import type { ApplicationFields } from "./application-fields.schema";
import { RULES_VERSION } from "./rules-version";
import { blockedAmong } from "../privacy/blocked-numbers";

/** A checked application, with what its address's rules decided. */
export interface NewApplication extends ApplicationFields {
  status: "NEW" | "WAITING";
  /** Null when the address was not recognised (then `addressUnrecognised`, for a coordinator). */
  suggestedSubareaId: number | null;
  matchedRuleId: number | null;
  addressUnrecognised: boolean;
}

const BATCH = 5_000;

/**
 * Inserts applications a coordinator recorded (from the mailbox or a spreadsheet) with their
 * "created" history lines: one INSERT … SELECT unnest(…) per batch (5,000 rows unless told), so
 * ten thousand rows take a few round trips. Runs in the caller's transaction. Returns the new ids in
 * the order of `rows`.
 *
 * Rules version: these residents did not tick "I accept the rules" on the site. We record the
 * version in force when the coordinator saved them (the one the contact person shares on
 * joining) with the save time, and `source` (MAILBOX, IMPORT) tells how it was given.
 */
export async function insertApplications(
  tx: Tx,
  viewer: Viewer,
  rows: readonly NewApplication[],
  { source, batchSize = BATCH, onBatch }: { source: "MAILBOX" | "IMPORT"; batchSize?: number; onBatch?: (done: number) => void },
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const column = <K extends keyof NewApplication>(key: K) => batch.map((row) => row[key]);
    const inserted = await tx.$queryRawUnsafe<{ id: number }[]>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $14::text[], $15::boolean[])
           WITH ORDINALITY AS u(name, mobile, street, "houseNumber", "houseNumberSuffix", postcode, email, status, "suggestedSubareaId", "matchedRuleId", "houseLetter", "addressUnrecognised", n)
       ), inserted AS (
         INSERT INTO "Application" (name, mobile, street, "houseNumber", "houseLetter", "houseNumberSuffix", postcode, email, status, "suggestedSubareaId",
                                    "matchedRuleId", "addressUnrecognised", source, "rulesVersion", "rulesAcceptedAt", "updatedAt")
         SELECT name, mobile, street, "houseNumber", "houseLetter", "houseNumberSuffix", postcode, email, status::"ApplicationStatus", "suggestedSubareaId",
                "matchedRuleId", "addressUnrecognised", $11::"ApplicationSource", $12, now(), now()
         FROM input ORDER BY n
         RETURNING id, status, "suggestedSubareaId"
       ), history AS (
         INSERT INTO "ApplicationEvent" ("applicationId", "actorKind", "actorId", type, "toStatus", "subareaId", detail)
         SELECT id, 'STAFF', $13, 'CREATED', status, "suggestedSubareaId", jsonb_build_object('fields', '[]'::jsonb, 'version', 1, 'source', $11::text)
         FROM inserted
       )
       SELECT id FROM inserted ORDER BY id`,
      column("name"),
      column("mobile"),
      column("street"),
      column("houseNumber"),
      column("houseNumberSuffix"),
      column("postcode"),
      column("email"),
      column("status"),
      column("suggestedSubareaId"),
      column("matchedRuleId"),
      source,
      RULES_VERSION,
      viewer.userId,
      column("houseLetter"),
      column("addressUnrecognised"),
    );
    const batchIds = inserted.map((row) => Number(row.id));
    ids.push(...batchIds);
    // A number removed earlier for breaking the rules: flagged to the coordinator, as on the site.
    const blocked = await blockedAmong(tx, batch.map((row) => row.mobile));
    const flagged = batchIds.filter((_, i) => blocked.has(batch[i]!.mobile));
    if (flagged.length) {
      await tx.applicationEvent.createMany({
        data: flagged.map((applicationId) => ({ applicationId, actorKind: "STAFF" as const, actorId: viewer.userId, type: "BLOCKED_NUMBER", detail: { fields: ["mobile"], version: 1 } })),
      });
    }
    onBatch?.(start + batch.length);
  }
  return ids;
}
