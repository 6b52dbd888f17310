import { z } from "zod";
import { cleanString } from "../http/search-text.schema";

export const replySchema = z.object({
  id: z.coerce.number().int().positive(),
  reply: cleanString().trim().min(1, "required").max(5000, "tooLong"),
});

export const messageQuerySchema = z.object({
  status: z.enum(["OPEN", "ANSWERED"]).catch("OPEN").default("OPEN"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
