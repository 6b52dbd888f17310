import type { RateLimitRule } from "../rate-limit/consume-rate-limit";

/**
 * Per client address (lib/http/client-address.ts). Generous for a household or a shared
 * connection, far too slow for a flood.
 */
export const PUBLIC_LIMITS = {
  apply: { name: "apply:client", limit: 10, windowMs: 60 * 60_000 },
  volunteer: { name: "volunteer:client", limit: 5, windowMs: 60 * 60_000 },
  contact: { name: "contact:client", limit: 10, windowMs: 60 * 60_000 },
  manage: { name: "manage:client", limit: 30, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;
