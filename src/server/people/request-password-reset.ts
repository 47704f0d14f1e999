import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { MailConfig } from "@/config/env";
import { MINUTE } from "@/domain";
import type { Locale } from "@/i18n/locales";
import { requestPasswordResetSchema } from "@/schemas/password-reset";
import type { Database } from "@/server/db/client";
import { enqueueMail } from "@/server/mail/outbox";
import { renderPasswordResetMail } from "@/server/mail/templates";
import { refusedWith, type Outcome } from "@/server/outcome";
import { recordAudit } from "@/server/security/audit";
import type { Client } from "@/server/security/client";
import { countAttempt } from "@/server/security/throttle";
import { defineUseCase } from "@/server/use-case";

/** How long a reset link works. */
export const PASSWORD_RESET_MINUTES = 60;

/** Someone who is not signed in, as the password reset pages see them. */
export interface Visitor {
  now: Date;
  client: Client;
}

export interface ResetRequester extends Visitor {
  /** The page's language: the mail's, when the account never chose one. */
  locale: Locale;
  mail: MailConfig;
}

/** Only the token's hash is stored: a copy of the table opens no account. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function passwordResetUrl(mail: Pick<MailConfig, "publicUrl">, token: string): string {
  return `${mail.publicUrl}/password-reset/${token}`;
}

/**
 * Someone asks for a reset link for an email. The answer is the same whether or not an enabled
 * account has that email, and so is the work done for it as far as reasonable (the mail is rendered
 * and the same queries run; only the two rows that need an account are not written), so neither the
 * answer nor its time tells which emails have accounts. Each request counts against the email and
 * the address like a wrong password, so nobody can flood a mailbox or probe at length. Accounts that
 * sign in with single sign-on only may set a password this way too.
 */
export const requestPasswordReset = defineUseCase({
  input: requestPasswordResetSchema,
  run: async (db: Database, visitor: ResetRequester, { email }): Promise<Outcome> => {
    const { now, client, mail } = visitor;
    const throttle = await countAttempt(db, { email, client, now });
    if (!throttle.ok) return refusedWith("throttled", "Too many attempts: wait a few minutes, then try again.");

    const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true, disabledAt: true } });
    const account = user && !user.disabledAt ? user : null;
    const token = randomBytes(32).toString("base64url");
    const locale = account?.locale ?? visitor.locale;
    const content = await renderPasswordResetMail({
      locale,
      recipientName: account?.name ?? email,
      resetUrl: passwordResetUrl(mail, token),
      expiresInMinutes: PASSWORD_RESET_MINUTES,
      supportName: mail.from.name,
    });

    await db.$transaction(async (tx) => {
      // Only the newest link works: asking again retires the earlier ones.
      await tx.passwordReset.deleteMany({ where: { userId: account?.id ?? "", usedAt: null } });
      if (account) {
        await tx.passwordReset.create({ data: { userId: account.id, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * MINUTE), createdAt: now } });
        await enqueueMail(tx, { kind: "password_reset", requestId: null, recipient: { userId: account.id, address: email, name: account.name, locale }, content }, { now, config: mail });
      }
      await recordAudit(tx, { type: "password_reset_requested", actorId: null, subjectId: user?.id ?? null, email, client, detail: { mailed: account !== null } }, now);
    });
    return { ok: true };
  },
});
