import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDatabase } from "@/server/db";
import { getAuthOptions } from "./options";

const currentUserSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  isAgent: true,
  memberships: {
    select: {
      organizationId: true,
      isTechnicalContact: true,
      isAdmin: true,
      organization: { select: { name: true } },
    },
  },
} as const;

/** The signed-in user, read fresh from the database once per request; null when signed out. */
export const getCurrentUser = cache(async () => {
  // Per-request by nature: never prerendered at build time, when there is no database.
  await connection();
  const session = await getServerSession(getAuthOptions());
  if (!session?.userId) return null;
  return getDatabase().user.findUnique({ where: { id: session.userId }, select: currentUserSelect });
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
