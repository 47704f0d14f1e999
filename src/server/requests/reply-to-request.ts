import "server-only";
import { replyRoute } from "@/domain";
import { requestReplySchema } from "@/schemas/request-reply";
import type { Database } from "@/server/db/client";
import { notFound, refusedWith, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { submissionOf } from "@/server/submissions";
import { defineUseCase } from "@/server/use-case";
import { changeRequestOnce } from "./change-request";

// A reply in the request's thread from the requester's side (docs/product.md §5), by whichever
// channel the viewer came in on: one rule for every channel — the domain makes a Pending, On-hold or
// Solved request Open and records "reopened" when it was Solved. The comment, the new state and the
// events are written together, or not at all; the form's second submission (same key) writes nothing
// and answers as the first.

export const replyToRequest = defineUseCase({
  input: requestReplySchema,
  identifies: ["requestId"],
  run: async (db: Database, viewer: Viewer, input): Promise<Outcome<{ commentId: string; reopened: boolean }>> => {
    const { requestId, body } = input;
    const { actor, now, channel } = viewer;
    return changeRequestOnce(
      db,
      {
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
        comment: { body, visibility: "public", attachmentIds: input.attachmentIds },
      },
      submissionOf("reply", input),
      (changed) => ({ commentId: changed.commentId ?? "", reopened: changed.records.some((record) => record.type === "reopened") }),
    );
  },
});
