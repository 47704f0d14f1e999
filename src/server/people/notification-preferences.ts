import "server-only";
import { z } from "zod";
import { notificationChoices, type MailKind, type NotificationKind } from "@/domain";
import { notificationPreferencesSchema } from "@/schemas/notification-preferences";
import type { Database } from "@/server/db/client";
import { invalid, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

// A person's notification settings: which of their set of notifications (a customer's, or an
// agent's) they get by email. The user row keeps the ones turned off, so a new kind is on for all.

export interface NotificationPreferencesPage {
  choices: Array<{ kind: NotificationKind; enabled: boolean }>;
  email: string;
  /** Set when mail to the person's address is stopped (a bounce, a refusal): why, and since when. */
  undeliverable: { reason: string; markedAt: Date } | null;
}

export const getNotificationPreferences = defineUseCase({
  input: z.object({}),
  run: async (db: Database, viewer: Reader): Promise<Outcome<NotificationPreferencesPage>> => {
    const user = await db.user.findUniqueOrThrow({ where: { id: viewer.actor.userId }, select: { email: true, mailOff: true } });
    const undeliverable = await db.undeliverableAddress.findUnique({ where: { address: user.email.toLowerCase() }, select: { reason: true, markedAt: true } });
    const choices = notificationChoices(viewer.actor.isAgent).map((kind) => ({ kind, enabled: !user.mailOff.includes(kind) }));
    return { ok: true, choices, email: user.email, undeliverable };
  },
});

/**
 * Saves which of their own notifications a person keeps: every other kind of their set is turned
 * off. A kind from the other set (an agent's, for a customer) is refused, and what was saved for the
 * other set is kept as it was.
 */
export const updateNotificationPreferences = defineUseCase({
  input: notificationPreferencesSchema,
  run: async (db: Database, viewer: Reader, { enabled }): Promise<Outcome<{ mailOff: MailKind[] }>> => {
    const own: readonly NotificationKind[] = notificationChoices(viewer.actor.isAgent);
    if (enabled.some((kind) => !own.includes(kind))) return invalid({ enabled: "invalid" });
    const mailOff = await db.$transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.actor.userId }, select: { mailOff: true } });
      const others = user.mailOff.filter((kind) => !(own as readonly string[]).includes(kind));
      const off: MailKind[] = [...others, ...own.filter((kind) => !enabled.includes(kind))];
      await tx.user.update({ where: { id: viewer.actor.userId }, data: { mailOff: off }, select: { id: true } });
      return off;
    });
    return { ok: true, mailOff };
  },
});
