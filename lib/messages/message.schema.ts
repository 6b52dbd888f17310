import { z } from "zod";

export const replySchema = z.object({
  id: z.coerce.number().int().positive(),
  reply: z.string().trim().min(1, "required").max(5000, "tooLong"),
});

export const messageQuerySchema = z.object({
  status: z.enum(["OPEN", "ANSWERED"]).catch("OPEN").default("OPEN"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
