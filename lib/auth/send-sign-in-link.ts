import "server-only";
import { config } from "../config/env";
import { withScope } from "../db";
import { enqueueMail } from "../mail/enqueue-mail";
import { kickMailWorker } from "../mail/mail-worker";
import { renderMail } from "../mail/render";
import { isActiveStaff } from "./load-viewer";

export const SIGN_IN_LINK_MINUTES = 15;

/** The page a mailed link opens; only its button's POST signs in (app/(public)/sign-in/confirm). */
export const CONFIRM_PATH = "/sign-in/confirm";

/**
 * Turns Auth.js's callback URL into the link we mail: the same parameters (token, email,
 * callbackUrl) on the confirm page. Opening that page (GET or HEAD, as mail scanners do) uses
 * nothing up; the token is spent only by the page's same-origin POST to Auth.js's callback.
 */
export function confirmLinkFor(callbackUrl: string): URL {
  const link = new URL(callbackUrl);
  return new URL(`${CONFIRM_PATH}${link.search}`, link.origin);
}

/**
 * Auth.js's sendVerificationRequest. Only an active staff member gets a mail; for any other
 * address nothing happens, and the page says the same either way. The link's origin is APP_URL
 * (lib/auth/auth.ts pins Auth.js to it), never a request's Host header.
 */
export async function sendSignInLink({ identifier, url }: { identifier: string; url: string }): Promise<void> {
  const { SMTP_URL } = config();
  const link = confirmLinkFor(url);

  const sent = await withScope({ role: "service" }, async (tx) => {
    const staff = await isActiveStaff(tx, identifier);
    if (!staff) return false;
    const mail = renderMail("signIn", staff.locale, { url: link.toString(), minutes: SIGN_IN_LINK_MINUTES });
    await enqueueMail(tx, { to: identifier, ...mail });
    return true;
  });
  if (!sent) return;
  if (SMTP_URL) kickMailWorker();
  // Development and demo without a mail server: the only way to get the link.
  else console.log(`Sign-in link for ${identifier} (no SMTP_URL, not mailed): ${link}`);
}
