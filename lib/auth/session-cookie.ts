/** The session cookie's name over plain HTTP (development, tests): Auth.js's default. */
export const SESSION_COOKIE = "authjs.session-token";

/**
 * Auth.js's `cookies.sessionToken` setting for an app served at `appUrl` (APP_URL). Over HTTPS
 * the name carries the `__Host-` prefix, so browsers accept it only with `Secure`, `Path=/` and
 * no `Domain`: no other host (a sibling subdomain) and no plain-HTTP page can set or replace it.
 * Over HTTP (development, tests) a browser would drop a Secure cookie, so it is the plain name.
 * Always HttpOnly and SameSite=Lax (the mailed link's confirm page posts from this site).
 */
export function sessionCookie(appUrl: string) {
  const secure = new URL(appUrl).protocol === "https:";
  return {
    name: secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
