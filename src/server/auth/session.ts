import "server-only";
import { getServerSession } from "next-auth";
import { getAuthOptions } from "./options";

/** The user id the request's session cookie carries, or null when signed out. */
export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(getAuthOptions());
  return session?.userId ?? null;
}
