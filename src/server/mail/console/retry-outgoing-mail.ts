import "server-only";
import { readMailConfig } from "@/config/env";
import { mailRefSchema } from "@/schemas/agent-mail";
import type { Database } from "@/server/db/client";
import { notFound, refusedWith, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseMailConsole } from "./access";
import { undeliverableAmong } from "./list-outgoing-mail";

// An agent sends a failed mail again: it goes back to the outbox for the delivery job's next pass,
// its attempts kept (they tell how often it failed). Not while its address is marked undeliverable:
// the address is cleared first, on the same page.

export const retryOutgoingMail = defineUseCase({
  input: mailRefSchema,
  identifies: ["mailId"],
  run: async (db: Database, viewer: Reader, { mailId }): Promise<Outcome<{ status: "queued" | "kept" }>> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    const mail = await db.outboundMail.findUnique({ where: { id: mailId }, select: { status: true, toAddress: true } });
    if (!mail) return notFound();
    if (mail.status !== "failed" && mail.status !== "suppressed") return refusedWith("not_retryable", "Only a failed or suppressed mail is sent again.");
    if ((await undeliverableAmong(db, [mail.toAddress])).has(mail.toAddress)) {
      return refusedWith("address_undeliverable", "The address is marked undeliverable; clear it first.");
    }
    // Without an outgoing server it is kept, as new mail is: queued, it would wait for nothing.
    const status = readMailConfig().smtpUrl ? "queued" : "kept";
    // Only from the state it was seen in: two agents retrying at once requeue it once.
    const { count } = await db.outboundMail.updateMany({
      where: { id: mailId, status: mail.status },
      data: { status, nextAttemptAt: viewer.now, lockedUntil: null },
    });
    if (count === 0) return refusedWith("not_retryable", "Only a failed or suppressed mail is sent again.");
    return { ok: true, status };
  },
});
