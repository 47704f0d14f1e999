import "server-only";
import { mailRefSchema } from "@/schemas/agent-mail";
import type { Database } from "@/server/db/client";
import { notFound, refusedWith, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseMailConsole } from "./access";
import { ACTIONABLE_STATUSES } from "./list-incoming-mail";

// An agent sets a held or unreadable mail aside: it stays stored (and downloadable), marked with who
// discarded it and when, and leaves the held list.

export const discardIncomingMail = defineUseCase({
  input: mailRefSchema,
  identifies: ["mailId"],
  run: async (db: Database, viewer: Reader, { mailId }): Promise<Outcome> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    // Only one still waiting: a mail another agent just made a request of stays as that made it.
    const { count } = await db.inboundMail.updateMany({
      where: { id: mailId, status: { in: [...ACTIONABLE_STATUSES] } },
      data: { status: "discarded", handledById: viewer.actor.userId, handledAt: viewer.now },
    });
    if (count > 0) return { ok: true };
    const exists = await db.inboundMail.count({ where: { id: mailId } });
    return exists > 0 ? refusedWith("not_held", "Only a held or unreadable mail can be discarded.") : notFound();
  },
});
