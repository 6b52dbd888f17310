import "server-only";
import { tokenHash } from "../crypto/keyed-hash";
import { withScope } from "../db";

/** What randomToken() produces (32 bytes, base64url); anything else is not looked up at all. */
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

/**
 * The application behind a resident's private link `/manage/<token>`, or null. Only the
 * token's hash is stored (Application.manageTokenHash); an erased application has none.
 */
export async function applicationIdForManageToken(token: string): Promise<number | null> {
  if (!TOKEN.test(token)) return null;
  const row = await withScope({ role: "service" }, (tx) =>
    tx.application.findFirst({ where: { manageTokenHash: tokenHash(token), anonymisedAt: null }, select: { id: true } }),
  );
  return row?.id ?? null;
}
