import "server-only";
import { getServerSession } from "next-auth";
import { getAuthOptions } from "./options";

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/**
 * What the request's session cookie claims: a user and a session id, or null when signed out (or
 * the cookie predates server-side sessions). Whether the session is still live is the caller's
 * question (src/server/entry/viewer.ts).
 */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.userId || !session.sessionId) return null;
  return { userId: session.userId, sessionId: session.sessionId };
}
