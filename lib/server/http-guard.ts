import http from "node:http";
import type net from "node:net";
import { resolveClientAddress } from "../http/client-address";

/** Methods Next.js answers itself (with a 500 for TRACE) before proxy.ts can refuse them. */
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

let installed = false;

/**
 * A guard in front of Next.js's own HTTP server, for what neither proxy.ts nor a route can do:
 * - X-Forwarded-For is replaced by the one client address (lib/http/client-address.ts), so a
 *   client cannot give itself a fresh rate-limit allowance with a forged header. Next.js itself
 *   keeps whatever X-Forwarded-For the client sent and only fills in the socket address when
 *   there is none (next/dist/server/base-server.js), and proxy.ts never sees the socket.
 * - TRACE, TRACK and CONNECT get a 405 with `Allow`.
 * Wraps http.Server.prototype.emit ("request"), which `next start` and the standalone
 * server.js both use; called once at start-up (instrumentation.ts → lib/server/start.ts).
 */
export function installHttpGuard(trustedProxies: net.BlockList): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (REFUSED_METHODS.has(request.method ?? "")) {
        response.writeHead(405, { allow: "GET, HEAD, POST", "content-type": "application/problem+json" });
        response.end(JSON.stringify({ title: "Method not allowed", status: 405 }));
        return true;
      }
      const forwarded = request.headers["x-forwarded-for"];
      request.headers["x-forwarded-for"] = resolveClientAddress(
        request.socket.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
        trustedProxies,
      );
      delete request.headers["x-real-ip"];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
