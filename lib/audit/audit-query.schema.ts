import { z } from "zod";
import { AUDIT_ACTIONS } from "./audit-vocabulary";

export { AUDIT_ACTIONS };

// A calendar day that exists ("9999-99-99" and "2026-02-30" do not), so no Invalid Date reaches the database.
const day = z.iso.date().optional().catch(undefined);

/** The audit trail's filters as they live in the URL; bad values are ignored. */
export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actor: z.string().trim().max(64).regex(/^[\w-]*$/).optional().catch(undefined),
  record: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
