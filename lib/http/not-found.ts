import { notFound } from "next/navigation";
import { NotFoundError } from "../errors";

/**
 * `load`'s value, or `fallback()`'s when the data layer throws NotFoundError (missing, or not the
 * viewer's: the same answer). Any other error is thrown on unchanged. For a part of a page that
 * may be absent, or a route handler's own answer (`notFoundResponse`, a redirect).
 */
export async function ifNotFound<T, F>(load: Promise<T>, fallback: () => F): Promise<T | F> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) return fallback();
    throw error;
  }
}

/** For a page: `load`'s value, or the route's 404 page when the data layer says "not found". */
export function orNotFound<T>(load: Promise<T>): Promise<T> {
  return ifNotFound(load, notFound);
}

/** A staff API's answer for "missing, or not yours": 404 with a JSON title. */
export function notFoundResponse(): Response {
  return Response.json({ title: "Not found" }, { status: 404 });
}
