"use server";

import { headers } from "next/headers";
import { getFormatter } from "next-intl/server";
import { z } from "zod";
import { clientAddress } from "../http/client-address";
import type { FormMessages } from "../http/form-messages";
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

/** A one-button answer from the private link: the token, the work (rate limited per client), and its thank-you (`<texts>.done`). */
function linkAnswer(namespace: string, answer: (token: string, client: string) => Promise<void>) {
  return {
    schema: tokenOnly,
    texts: namespace,
    run: async ({ token }: { token: string }, { texts }: { texts: FormMessages }) => {
      await answer(token, clientAddress(await headers()));
      return { notice: texts.say(`${namespace}.done`) };
    },
  };
}

/** "Yes, I want to keep waiting": restarts the waiting periods of the retention policy. */
export const reconfirmFromLinkAction = serverAction({ public: {}, ...linkAnswer("privacy.reconfirm", reconfirmFromLink) });

/** "Ik woon hier nog": the yearly member check's answer (lib/members/confirm-membership.ts). */
export const confirmMembershipAction = serverAction({ public: {}, ...linkAnswer("privacy.memberCheck", confirmMembershipFromLink) });
