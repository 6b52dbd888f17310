import "server-only";
import type { ViewerWith } from "../auth/can";
import { rolesWith } from "../auth/capabilities";
import { recordAudit } from "../audit/record-audit";
import { database, withScope } from "../db";
import { statementInScope, sqlLiteral } from "../db/scope";
import type { DigestFrequency } from "../db/generated/enums";

// The contact role cannot read or write staff accounts, so this runs in the service scope,
// limited to the viewer's own row.

/** Whether the contact person wants a daily mail when people are assigned to them. */
export async function getDigestPreference(viewer: ViewerWith<"group.work">): Promise<DigestFrequency> {
  // One statement in one round trip (statementInScope), not a transaction of three: it is on every
  // load of the contact person's page (issue 15).
  const [user] = await statementInScope<{ digest: DigestFrequency }>(await database(), { role: "service" }, `SELECT digest::text AS digest FROM "User" WHERE id = ${sqlLiteral(viewer.userId)}`);
  return user?.digest ?? "OFF";
}

export async function setDigestPreference(viewer: ViewerWith<"group.work">, digest: DigestFrequency): Promise<void> {
  await withScope({ role: "service" }, async (tx) => {
    await tx.user.updateMany({ where: { id: viewer.userId, role: { in: [...rolesWith("group.work")] }, active: true }, data: { digest } });
    await recordAudit(tx, viewer, { action: "staff.digest_changed", targetType: "User", targetId: viewer.userId, meta: { digest } });
  });
}
