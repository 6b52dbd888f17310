import "server-only";
import type { ViewerOf } from "../auth/viewer-types";
import { changeStatus } from "../applications/change-status";
import type { ApplicationStatus } from "../db/generated/enums";
import type { UnreachableReason } from "./group.schema";

/** Someone could not be added; the reason is a code in the history line, never free text. */
export async function markUnreachable(
  viewer: ViewerOf<"CONTACT_PERSON">,
  input: { id: number; from: ApplicationStatus; reason: UnreachableReason },
): Promise<void> {
  await changeStatus(viewer, { id: input.id, to: "UNREACHABLE", code: input.reason, seen: { status: input.from } });
}
