import "server-only";
import { readMailConfig } from "@/config/env";
import { heldMailRequestSchema } from "@/schemas/agent-mail";
import type { Database } from "@/server/db/client";
import { createRequestFromHeldMail } from "@/server/mail/inbound/receive";
import { notFound, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseMailConsole } from "./access";

// The Mail page's "Create request": an agent makes a request of a held mail for a customer, found by
// the email the form sends (the sender's, unless the agent changed it). The inbound code does the work.

export const createRequestFromMail = defineUseCase({
  input: heldMailRequestSchema,
  identifies: ["inboundMailId"],
  run: async (db: Database, viewer: Viewer, input): Promise<Outcome<{ requestId: number }>> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    return createRequestFromHeldMail(db, viewer, input, { now: viewer.now, config: readMailConfig() });
  },
});
