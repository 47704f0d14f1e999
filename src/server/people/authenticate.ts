import type { Database } from "@/server/db/client";
import { passwordSignInSchema } from "@/schemas/sign-in";
import type { Client } from "@/server/security/client";
import { guardedPasswordCheck, type GuardedCheck } from "@/server/security/throttle";
import { verifyPassword } from "./password";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

export type PasswordSignIn = GuardedCheck<AuthenticatedUser>;

/**
 * Checks an email and password, throttled per account and per address (src/server/security/throttle.ts).
 * Every wrong answer looks the same to the caller and costs the same time: an unknown email is
 * verified against a decoy hash, and a disabled account is refused only after its password is checked.
 */
export async function authenticateWithPassword(db: Database, input: unknown, attempt: { client: Client; now: Date }): Promise<PasswordSignIn> {
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "wrong" };
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  return guardedPasswordCheck(db, { email, client: attempt.client, now: attempt.now, subjectId: user?.id ?? null }, async () => {
    const valid = await verifyPassword(password, user?.passwordHash);
    if (!user || !valid || user.disabledAt) return null;
    return { id: user.id, email: user.email, name: user.name };
  });
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
  const select = { id: true, email: true, name: true, oidcSubject: true, disabledAt: true } as const;
  const linked = await db.user.findUnique({ where: { oidcSubject: identity.subject }, select });
  if (linked) return linked.disabledAt ? null : { id: linked.id, email: linked.email, name: linked.name };
  if (!identity.email || !identity.emailVerified) return null;
  const byEmail = await db.user.findUnique({ where: { email: identity.email.trim().toLowerCase() }, select });
  if (!byEmail || byEmail.oidcSubject || byEmail.disabledAt) return null;
  await db.user.update({ where: { id: byEmail.id }, data: { oidcSubject: identity.subject } });
  return { id: byEmail.id, email: byEmail.email, name: byEmail.name };
}
