import "server-only";
import type { MailConfig } from "@/config/env";
import { isNotificationKind, type NotificationKind } from "@/domain";
import { unsubscribeTokenInputSchema } from "@/schemas/notification-preferences";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import { defineUseCase } from "@/server/use-case";
import { readUnsubscribeToken, unsubscribeToken } from "./signing";

// One-click unsubscribe (RFC 8058): every notification carries a signed link that turns its kind off
// for its recipient, without signing in. Mail clients POST to it (`List-Unsubscribe=One-Click`); a
// person who opens it in a browser sees what it stops and confirms. Opening it changes nothing,
// since link checkers in mail systems open links on their own.

/** The links of one notification: the confirmation page (the mail's footer) and the one-click target (the List-Unsubscribe header). */
export function unsubscribeUrls(config: Pick<MailConfig, "publicUrl" | "tokenKeys">, userId: string, kind: NotificationKind): { page: string; oneClick: string } {
  const token = unsubscribeToken(config.tokenKeys, userId, kind);
  return { page: `${config.publicUrl}/unsubscribe/${token}`, oneClick: `${config.publicUrl}/api/unsubscribe/${token}` };
}

/** Whoever holds the link: no session, only the signature counts. */
export interface LinkHolder {
  now: Date;
  tokenKeys: MailConfig["tokenKeys"];
}

export interface UnsubscribeLink {
  kind: NotificationKind;
  /** Already turned off (by this link before, or in the settings). */
  off: boolean;
}

async function readLink(db: Database, holder: LinkHolder, token: string): Promise<{ userId: string; kind: NotificationKind; off: boolean } | null> {
  const read = readUnsubscribeToken(holder.tokenKeys, token);
  if (!read || !isNotificationKind(read.kind)) return null;
  const user = await db.user.findUnique({ where: { id: read.userId }, select: { mailOff: true } });
  return user ? { userId: read.userId, kind: read.kind, off: user.mailOff.includes(read.kind) } : null;
}

/** What a link would stop, for its page; changes nothing. */
export const readUnsubscribeLink = defineUseCase({
  input: unsubscribeTokenInputSchema,
  identifies: ["token"],
  run: async (db: Database, holder: LinkHolder, { token }): Promise<Outcome<UnsubscribeLink>> => {
    const link = await readLink(db, holder, token);
    return link ? { ok: true, kind: link.kind, off: link.off } : notFound();
  },
});

/** Turns the link's kind off for its person; doing it again changes nothing. */
export const unsubscribe = defineUseCase({
  input: unsubscribeTokenInputSchema,
  identifies: ["token"],
  run: async (db: Database, holder: LinkHolder, { token }): Promise<Outcome<{ kind: NotificationKind }>> => {
    const link = await readLink(db, holder, token);
    if (!link) return notFound();
    // One statement, so a settings change saved meanwhile is not overwritten.
    await db.$executeRaw`
      UPDATE "User" SET "mailOff" = array_append("mailOff", ${link.kind}::"MailKind"), "updatedAt" = ${holder.now}
      WHERE "id" = ${link.userId} AND NOT (${link.kind}::"MailKind" = ANY("mailOff"))`;
    return { ok: true, kind: link.kind };
  },
});
