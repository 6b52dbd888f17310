/**
 * A link that offers to call `mobile` (RFC 3966 `tel:`): the number with only its digits and a
 * leading +, e.g. "+31 6 12345678" → "tel:+31612345678". No server imports: cards rendered in
 * the browser use it too.
 */
export function telUrl(mobile: string): string {
  return `tel:${mobile.replace(/[^\d+]/g, "")}`;
}
