import "server-only";
import { replyRoute } from "@/domain";
import { requestReplySchema } from "@/schemas/request-reply";
import type { Database } from "@/server/db/client";
import { notFound, refusedWith, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { changeRequest } from "./change-request";

// A reply in the request's thread from the requester's side (docs/product.md §5), by whichever
// channel the viewer came in on: one rule for every channel — the domain makes a Pending, On-hold or
// Solved request Open and records "reopened" when it was Solved. The comment, the new state and the
// events are written together, or not at all.

export const replyToRequest = defineUseCase({
  input: requestReplySchema,
  identifies: ["requestId"],
  run: async (db: Database, viewer: Viewer, { requestId, body }): Promise<Outcome<{ commentId: string; reopened: boolean }>> => {
    const { actor, now, channel } = viewer;
    const result = await changeRequest(db, {
      requestId,
      viewer,
      may: [],
      makeCommand: (_state, _tx, { access }) => {
        switch (replyRoute(actor, access, now)) {
          case "thread":
            return { type: "customer_reply", at: now, authorId: actor.userId, channel };
          case "agent_console":
            return refusedWith("agent_reply_elsewhere", "Agents reply from the agent console, where they choose the status that follows.");
          case "none":
            return notFound();
        }
      },
      comment: { body, visibility: "public" },
    });
    if (!result.ok) return result;
    return { ok: true, commentId: result.commentId ?? "", reopened: result.records.some((record) => record.type === "reopened") };
  },
});
