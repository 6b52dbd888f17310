"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { withScope } from "../db";
import { clientAddress } from "../http/client-address";
import { consumeRateLimit, type RateLimitRule } from "../rate-limit/consume-rate-limit";
import { signIn, signOut } from "./auth";
import { requireCapability } from "./guards";
import { signInSchema } from "./sign-in.schema";
import { actionWhenDatabaseDown } from "../http/when-database-down";

export interface SignInState {
  /** Translated, ready to show. */
  error?: string;
  email?: string;
}

const PER_CLIENT: RateLimitRule = { name: "sign-in:client", limit: 20, windowMs: 15 * 60_000 };
const PER_ADDRESS: RateLimitRule = { name: "sign-in:address", limit: 5, windowMs: 15 * 60_000 };

/** Sends a magic link if the address is active staff; answers the same whether it is or not. */
export async function requestSignInLink(_previous: SignInState, formData: FormData): Promise<SignInState> {
  return actionWhenDatabaseDown(async () => {
    const parsed = signInSchema.safeParse({
      email: formData.get("email"),
      callbackUrl: formData.get("callbackUrl") ?? undefined,
    });
    const t = await getTranslations("signIn");
    if (!parsed.success) return { error: t("invalidEmail"), email: String(formData.get("email") ?? "").slice(0, 254) };
    const { email, callbackUrl } = parsed.data;

    const address = clientAddress(await headers());
    const verdicts = await withScope({ role: "service" }, async (tx) => [
      await consumeRateLimit(tx, PER_CLIENT, address),
      await consumeRateLimit(tx, PER_ADDRESS, email),
    ]);
    const blocked = verdicts.find((v) => !v.allowed);
    if (blocked) return { error: t("tooMany", { minutes: Math.ceil(blocked.retryAfterSeconds / 60) }), email };

    await signIn("nodemailer", { email, redirect: false, redirectTo: callbackUrl });
    redirect("/sign-in/check-email");
  });
}

export async function signOutAction(): Promise<void> {
  return actionWhenDatabaseDown(async () => {
    // Signing out needs no particular role, but there must be someone to sign out.
    if (await requireCapability("staff.area")) await signOut({ redirect: false });
    redirect("/sign-in?signedOut=1");
  });
}
