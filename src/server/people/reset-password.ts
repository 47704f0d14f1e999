import "server-only";
import { passwordResetTokenInputSchema, resetPasswordSchema } from "@/schemas/password-reset";
import type { Database } from "@/server/db/client";
import { notFound, refusedWith, type Outcome } from "@/server/outcome";
import { recordAudit } from "@/server/security/audit";
import { endSessionsOf } from "@/server/security/sessions";
import { forgiveAccount, guardedPasswordCheck, type GuardedCheck } from "@/server/security/throttle";
import { defineUseCase } from "@/server/use-case";
import { hashPassword } from "./password";
import { hashResetToken, type Visitor } from "./request-password-reset";

// A reset link's token is a password of sorts: every check of one goes through the throttle, and a
// wrong one counts against the address it came from (it names no account). Unknown, expired, used
// and retired links are all "not found", with the same answer.

interface LiveReset {
  id: string;
  userId: string;
  email: string;
}

async function checkToken(db: Database, visitor: Visitor, token: string): Promise<GuardedCheck<LiveReset>> {
  return guardedPasswordCheck(db, { email: null, client: visitor.client, now: visitor.now, failure: null }, async () => {
    const reset = await db.passwordReset.findUnique({
      where: { tokenHash: hashResetToken(token) },
      select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true, disabledAt: true } } },
    });
    if (!reset || reset.usedAt || reset.expiresAt <= visitor.now || reset.user.disabledAt) return null;
    return { id: reset.id, userId: reset.userId, email: reset.user.email };
  });
}

const throttled = () => refusedWith("throttled", "Too many attempts: wait a few minutes, then try again.");

/** Whether a reset link still works, for its page; opening it changes nothing. */
export const checkPasswordResetLink = defineUseCase({
  input: passwordResetTokenInputSchema,
  identifies: ["token"],
  run: async (db: Database, visitor: Visitor, { token }): Promise<Outcome> => {
    const check = await checkToken(db, visitor, token);
    if (!check.ok) return check.reason === "throttled" ? throttled() : notFound();
    return { ok: true };
  },
});

/**
 * Sets a new password with a reset link, once: the link is marked used in the transaction that
 * changes the password, by a conditional update, so of two parallel submissions only one gets
 * through. Every session of the person ends, as when they change their password, and failures
 * counted against the account are forgotten, since its owner has just proved who they are.
 */
export const resetPassword = defineUseCase({
  input: resetPasswordSchema,
  identifies: ["token"],
  run: async (db: Database, visitor: Visitor, input): Promise<Outcome<{ sessionsEnded: number }>> => {
    const { now, client } = visitor;
    const check = await checkToken(db, visitor, input.token);
    if (!check.ok) return check.reason === "throttled" ? throttled() : notFound();
    const reset = check.value;

    const passwordHash = await hashPassword(input.newPassword);
    const sessionsEnded = await db.$transaction(async (tx) => {
      const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (claimed.count === 0) return null;
      await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { id: true } });
      const ended = await endSessionsOf(tx, reset.userId, "password_changed", now);
      await forgiveAccount(tx, reset.email);
      await recordAudit(tx, { type: "password_reset", actorId: reset.userId, subjectId: reset.userId, email: reset.email, client, detail: { sessionsEnded: ended } }, now);
      return ended;
    });
    if (sessionsEnded === null) return notFound();
    return { ok: true, sessionsEnded };
  },
});

/** Deletes reset links that can no longer be used, a day after they stopped working (for the automation). */
export async function forgetOldPasswordResets(db: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 24 * 60 * 60_000);
  const gone = await db.passwordReset.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { usedAt: { lt: before } }] } });
  return gone.count;
}
