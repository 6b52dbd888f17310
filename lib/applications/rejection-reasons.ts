import { RejectionReason } from "../db/generated/enums";

/** Why an application can be rejected, in the schema's order: the database enum is the one list. */
export const REJECTION_REASONS = Object.values(RejectionReason);
