import crypto from "node:crypto";
import { config } from "../config/env";

/**
 * HMAC-SHA256 under a key derived from AUTH_SECRET for one purpose. For values we must
 * recognise later but must not keep readable: rate-limit keys (addresses, e-mail), numbers
 * removed for a rule violation.
 */
export function keyedHash(purpose: string, value: string, secret = config().secret): string {
  const key = crypto.createHmac("sha256", secret).update(`buurtpreventie:${purpose}`).digest();
  return crypto.createHmac("sha256", key).update(value).digest("base64url");
}

/** SHA-256 of a random token: the token goes to the user, only the hash is stored. */
export function tokenHash(token: string): string {
  return crypto.createHash("sha256").update(token).digest("base64url");
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}
