"use server";

import { z } from "zod";
import { database } from "../db";
import { formAction, serverAction } from "../http/server-action";
import { consumeRateLimitsAlone, type RateLimitRule } from "../rate-limit/consume-rate-limit";
import { signIn, signOut } from "./auth";
import { signInSchema } from "./sign-in.schema";

const PER_CLIENT: RateLimitRule = { name: "sign-in:client", limit: 20, windowMs: 15 * 60_000 };
const PER_ADDRESS: RateLimitRule = { name: "sign-in:address", limit: 5, windowMs: 15 * 60_000 };

/** Sends a magic link if the address is active staff; answers the same whether it is or not. */
export const requestSignInLink = serverAction({
  public: { limit: PER_CLIENT },
  schema: signInSchema,
  texts: "signIn",
  keep: ["email"],
  run: async ({ email, callbackUrl }, { refuse }) => {
    const [verdict] = await consumeRateLimitsAlone(await database(), [{ rule: PER_ADDRESS, subject: email }]);
    if (!verdict.allowed) return refuse("tooMany", { minutes: Math.ceil(verdict.retryAfterSeconds / 60) });
    await signIn("nodemailer", { email, redirect: false, redirectTo: callbackUrl });
    return { redirect: "/sign-in/check-email" };
  },
});

/** Signing out needs no particular role, but there must be someone to sign out. */
export const signOutAction = formAction({
  capability: "staff.area",
  schema: z.object({}),
  refused: () => "/sign-in?signedOut=1",
  run: async () => {
    await signOut({ redirect: false });
    return { redirect: "/sign-in?signedOut=1" };
  },
});
