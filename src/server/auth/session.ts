import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getAuthOptions } from "./options";

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/**
 * What the request's session cookie claims: a user and a session id, or null when signed out, when
 * the cookie does not decrypt with the session secret, or when it predates server-side sessions.
 * Whether the session is still live is the caller's question (src/server/entry/viewer.ts).
 *
 * The cookie is read and decrypted here, as next-auth writes it, rather than through its
 * `getServerSession`: that runs the whole session endpoint on every page — decrypting the token,
 * encrypting a renewed one and building a cookie that a server component or route cannot set —
 * and nothing of it but the two claims is used.
 */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const options = getAuthOptions();
  const token = sessionCookie(await cookies(), options.useSecureCookies ?? false);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: options.secret ?? "" });
    return typeof payload?.sub === "string" && typeof payload.sid === "string" ? { userId: payload.sub, sessionId: payload.sid } : null;
  } catch {
    // Tampered, expired, or written with another secret: signed out.
    return null;
  }
}

interface CookieJar {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
}

/** next-auth's session cookie: `__Secure-` prefixed when the portal is served over HTTPS, and split into `.0`, `.1`… when it outgrows one cookie. */
export function sessionCookie(jar: CookieJar, secure: boolean): string | null {
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .flatMap((cookie) => {
      const index = cookie.name.startsWith(`${name}.`) ? Number(cookie.name.slice(name.length + 1)) : NaN;
      return Number.isInteger(index) && index >= 0 ? [{ index, value: cookie.value }] : [];
    })
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join("") : null;
}
