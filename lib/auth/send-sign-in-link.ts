import "server-only";
import { after } from "next/server";
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

// Sign-in mail is handled one request at a time, in the order asked: a later link's mail
// being out proves an earlier request was finished with (tests/e2e/auth.spec.ts relies on it).
let queue: Promise<void> = Promise.resolve();

/**
 * Auth.js's sendVerificationRequest. Answers at once, having done the same for every address:
 * whether the address is staff, and the mail for staff, are settled after the response has gone
 * (so its timing cannot tell staff from strangers, docs/security.md, "Sign-in"). Only an active
 * staff member gets a mail; for any other address nothing happens. The link's origin is APP_URL
 * (lib/auth/auth.ts pins Auth.js to it), never a request's Host header.
 */
export async function sendSignInLink({ identifier, url }: { identifier: string; url: string }): Promise<void> {
  const link = confirmLinkFor(url);
  const task = () => {
    queue = queue
      .then(() => mailSignInLink(identifier, link))
      // No address in the log: only that one sign-in mail could not be queued.
      .catch((error: unknown) => console.error(`sign-in mail not queued: ${(error as Error).name}`));
    return queue;
  };
  try {
    after(task);
  } catch {
    task(); // Outside a request (a script): start now, still without waiting for it.
  }
}

/** Puts the sign-in mail in the outbox if `identifier` is active staff, and starts delivery. */
async function mailSignInLink(identifier: string, link: URL): Promise<void> {
  const { SMTP_URL } = config();
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
