import "server-only";
import type { ViewerWith } from "../auth/can";
import { changeStatus } from "../applications/change-status";
import type { ApplicationStatus } from "../db/generated/enums";
import type { UnreachableReason } from "./group.schema";

/** Someone could not be added; the reason is a code in the history line, never free text. */
export async function markUnreachable(
  viewer: ViewerWith<"group.work">,
  input: { id: number; from: ApplicationStatus; reason: UnreachableReason },
): Promise<void> {
  await changeStatus(viewer, { id: input.id, to: "UNREACHABLE", code: input.reason, seen: { status: input.from } });
}
