"use server";

import { headers } from "next/headers";
import { getFormatter } from "next-intl/server";
import { z } from "zod";
import { clientAddress } from "../http/client-address";
import { serverAction } from "../http/server-action";
import { confirmMembershipFromLink } from "../members/confirm-membership";
import { residentPrivacyRequestSchema } from "./privacy-request.schema";
import { reconfirmFromLink } from "./reconfirm-waiting";
import { requestPrivacyFromLink } from "./request-privacy-from-link";

// Public endpoints for the resident's private page (/manage/<token>): the token is the only
// credential, checked on every call; each is rate limited per client address by its work.

const tokenOnly = z.object({ token: z.string().catch("") });

/** A data-subject request from the private link. */
export const requestPrivacyFromLinkAction = serverAction({
  public: {},
  schema: residentPrivacyRequestSchema,
  texts: "privacy.request",
  keep: ["type", "note"],
  run: async (input, { texts }) => {
    const result = await requestPrivacyFromLink(input, clientAddress(await headers()));
    const due = (await getFormatter()).dateTime(result.dueAt, { dateStyle: "long" });
    return { notice: texts.say(`privacy.request.${result.alreadyOpen ? "alreadyOpen" : "sent"}`, { due }) };
  },
});

/** "Yes, I want to keep waiting": restarts the waiting periods of the retention policy. */
export const reconfirmFromLinkAction = serverAction({
  public: {},
  schema: tokenOnly,
  texts: "privacy.reconfirm",
  run: async ({ token }, { texts }) => {
    await reconfirmFromLink(token, clientAddress(await headers()));
    return { notice: texts.say("privacy.reconfirm.done") };
  },
});

/** "Ik woon hier nog": the yearly member check's answer (lib/members/confirm-membership.ts). */
export const confirmMembershipAction = serverAction({
  public: {},
  schema: tokenOnly,
  texts: "privacy.memberCheck",
  run: async ({ token }, { texts }) => {
    await confirmMembershipFromLink(token, clientAddress(await headers()));
    return { notice: texts.say("privacy.memberCheck.done") };
  },
});
