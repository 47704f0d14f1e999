import "server-only";
import { undeliverableRefSchema } from "@/schemas/agent-mail";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseMailConsole } from "./access";

// An agent clears an address marked undeliverable (the mailbox was fixed, the typo corrected): new
// mail goes to it again, and its failed or suppressed mail can be retried. Nothing is resent by itself.

export const clearUndeliverable = defineUseCase({
  input: undeliverableRefSchema,
  identifies: ["address"],
  run: async (db: Database, viewer: Reader, { address }): Promise<Outcome> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    const { count } = await db.undeliverableAddress.deleteMany({ where: { address } });
    return count > 0 ? { ok: true } : notFound();
  },
});
