import "server-only";
import { changePasswordSchema } from "@/schemas/password";
import type { Database } from "@/server/db/client";
import { invalid, refusedWith, type Outcome } from "@/server/outcome";
import { recordAudit } from "@/server/security/audit";
import { UNKNOWN_CLIENT } from "@/server/security/client";
import { endSessionsOf } from "@/server/security/sessions";
import { guardedPasswordCheck } from "@/server/security/throttle";
import { defineUseCase } from "@/server/use-case";
import type { Viewer } from "./viewer";
import { hashPassword, verifyPassword } from "./password";

/**
 * A signed-in person changes their password, proving the current one (checked through the same
 * throttle as signing in). Every session of theirs ends, this one included, so whoever held a copy
 * of any of them is out; they sign in again with the new password.
 */
export const changePassword = defineUseCase({
  input: changePasswordSchema,
  run: async (db: Database, viewer: Viewer, input): Promise<Outcome<{ sessionsEnded: number }>> => {
    const userId = viewer.actor.userId;
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
    if (!user.passwordHash) return refusedWith("no_password", "This account signs in with single sign-on and has no password here.");
    const client = viewer.client ?? UNKNOWN_CLIENT;

    const check = await guardedPasswordCheck(
      db,
      { email: user.email, client, now: viewer.now, actorId: userId, subjectId: userId, failure: "password_change_failed" },
      async () => ((await verifyPassword(input.currentPassword, user.passwordHash)) ? true : null),
    );
    if (!check.ok && check.reason === "throttled") return refusedWith("throttled", "Too many wrong passwords: wait a few minutes, then try again.");
    if (!check.ok) return invalid({ currentPassword: "wrong_password" });

    const passwordHash = await hashPassword(input.newPassword);
    const sessionsEnded = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
      const ended = await endSessionsOf(tx, userId, "password_changed", viewer.now);
      await recordAudit(tx, { type: "password_changed", actorId: userId, subjectId: userId, client, detail: { sessionsEnded: ended } }, viewer.now);
      return ended;
    });
    return { ok: true, sessionsEnded };
  },
});
