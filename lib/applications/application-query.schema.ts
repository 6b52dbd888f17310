import { z } from "zod";
import { searchTextSchema } from "../http/search-text.schema";

/**
 * The coordinator's inbox view, as it lives in the URL: filters, search, sort and page.
 * Unknown or bad values fall back to defaults instead of failing, so an old bookmark still works.
 */
export const APPLICATION_STATUSES = ["NEW", "ASSIGNED", "ADDED", "LEFT", "WAITING", "UNREACHABLE", "REJECTED", "WITHDRAWN"] as const;
export const APPLICATION_SOURCES = ["WEB", "MAILBOX", "IMPORT", "STAFF"] as const;
export const SORT_COLUMNS = ["createdAt", "name", "street", "status"] as const;
export const AGE_FILTERS = ["2d", "7d", "30d", "older"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw) => (raw === undefined ? [] : (Array.isArray(raw) ? raw : raw.split(","))))
    .transform((items) => items.filter((item): item is T => (values as readonly string[]).includes(item)));

export const applicationQuerySchema = z.object({
  q: searchTextSchema,
  status: list(APPLICATION_STATUSES),
  subarea: z.union([z.coerce.number().int().positive().max(2_147_483_647), z.literal("none")]).optional().catch(undefined),
  source: z.enum(APPLICATION_SOURCES).optional().catch(undefined),
  age: z.enum(AGE_FILTERS).optional().catch(undefined),
  sort: z.enum(SORT_COLUMNS).catch("createdAt").default("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce.number().pipe(z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>])).catch(25).default(25),
});

export type ApplicationQuery = z.infer<typeof applicationQuerySchema>;

/** From URL search params (a page's `searchParams` or a request's URL). */
export function parseApplicationQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): ApplicationQuery {
  const record = params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params;
  return applicationQuerySchema.parse(record);
}
