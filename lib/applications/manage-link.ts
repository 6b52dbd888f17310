import { config } from "../config/env";
import { randomToken, tokenHash } from "../crypto/keyed-hash";

/**
 * The resident's private link: /manage/<token>. Only the token's hash is stored
 * (Application.manageTokenHash); the token itself exists only in the mail.
 */
export function newManageLink(): { token: string; hash: string; url: string } {
  const token = randomToken();
  return { token, hash: tokenHash(token), url: manageUrl(token) };
}

export function manageUrl(token: string): string {
  return new URL(`/manage/${token}`, config().APP_URL).toString();
}

/** randomToken()'s shape: 32 bytes in base64url. Anything else is not worth a query. */
export function isManageToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
