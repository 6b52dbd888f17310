import "server-only";
import type { ViewerOf } from "../auth/viewer-types";
import { recordAudit } from "../audit/record-audit";
import { withScope } from "../db";
import type { DigestFrequency } from "../db/generated/enums";

// The contact role cannot read or write staff accounts, so this runs in the service scope,
// limited to the viewer's own row.

/** Whether the contact person wants a daily mail when people are assigned to them. */
export async function getDigestPreference(viewer: ViewerOf<"CONTACT_PERSON">): Promise<DigestFrequency> {
  const user = await withScope({ role: "service" }, (tx) => tx.user.findUnique({ where: { id: viewer.userId }, select: { digest: true } }));
  return user?.digest ?? "OFF";
}

export async function setDigestPreference(viewer: ViewerOf<"CONTACT_PERSON">, digest: DigestFrequency): Promise<void> {
  await withScope({ role: "service" }, async (tx) => {
    await tx.user.updateMany({ where: { id: viewer.userId, role: "CONTACT_PERSON", active: true }, data: { digest } });
    await recordAudit(tx, viewer, { action: "staff.digest_changed", targetType: "User", targetId: viewer.userId, meta: { digest } });
  });
}
