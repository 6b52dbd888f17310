export const dynamic = "force-dynamic";

/** A constant from a dynamic route: liveness without the database, and the benchmark's baseline. */
export function GET(): Response {
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
