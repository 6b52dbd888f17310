import "server-only";
import { config } from "../config/env";
import { withScope } from "../db";
import { enqueueMail } from "../mail/enqueue-mail";
import { kickMailWorker } from "../mail/mail-worker";
import { renderMail } from "../mail/render";
import { isActiveStaff } from "./load-viewer";

export const SIGN_IN_LINK_MINUTES = 15;

/**
 * Auth.js's sendVerificationRequest. Only an active staff member gets a mail; for any other
 * address nothing happens, and the page says the same either way. The link's origin is APP_URL
 * (lib/auth/auth.ts pins Auth.js to it), never a request's Host header.
 */
export async function sendSignInLink({ identifier, url }: { identifier: string; url: string }): Promise<void> {
  const { SMTP_URL } = config();
  const link = new URL(url);

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
