"use server";

import { z } from "zod";
import { serverAction } from "../http/server-action";
import { markMessageAnswered, replyToMessage } from "./manage-messages";
import { replySchema } from "./message.schema";

export const replyToMessageAction = serverAction({
  capability: "messages.answer",
  schema: replySchema,
  revalidate: ["/staff/messages"],
  run: async (input, { viewer }) => {
    await replyToMessage(viewer, input);
  },
});

export const markMessageAnsweredAction = serverAction({
  capability: "messages.answer",
  schema: z.object({ id: z.coerce.number().int().positive() }),
  revalidate: ["/staff/messages"],
  run: async ({ id }, { viewer }) => {
    await markMessageAnswered(viewer, id);
  },
});
