import type { Database } from "@/server/db/client";
import { passwordSignInSchema } from "@/schemas/sign-in";
import { verifyPassword } from "./password";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

/**
 * Checks an email and password. Every failure looks the same to the caller (null) and costs the
 * same time: an unknown email is verified against a decoy hash.
 */
export async function authenticateWithPassword(db: Database, input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export interface OidcIdentity {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
}

/**
 * Single sign-on admits existing accounts only: by the identity already linked to one, else by a
 * verified email, which links the identity for next time. Accounts are never created here, since
 * organization membership is what gives a customer anything to see.
 */
export async function authenticateWithOidc(db: Database, identity: OidcIdentity): Promise<AuthenticatedUser | null> {
  const select = { id: true, email: true, name: true, oidcSubject: true } as const;
  const linked = await db.user.findUnique({ where: { oidcSubject: identity.subject }, select });
  if (linked) return { id: linked.id, email: linked.email, name: linked.name };
  if (!identity.email || !identity.emailVerified) return null;
  const byEmail = await db.user.findUnique({ where: { email: identity.email.trim().toLowerCase() }, select });
  if (!byEmail || byEmail.oidcSubject) return null;
  await db.user.update({ where: { id: byEmail.id }, data: { oidcSubject: identity.subject } });
  return { id: byEmail.id, email: byEmail.email, name: byEmail.name };
}
