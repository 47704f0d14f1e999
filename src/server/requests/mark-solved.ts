import "server-only";
import { markSolvedSchema } from "@/schemas/satisfaction";
import type { Database } from "@/server/db/client";
import type { Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { submissionOf } from "@/server/submissions";
import { defineUseCase } from "@/server/use-case";
import { changeRequestOnce } from "./change-request";

// The requester closes the loop (docs/product.md §4.1): "Mark as solved" on their own Open or
// Pending request solves it as agreed, recorded as theirs. Only the requester may (the gate's
// `solve_as_requester`; anyone else finds no such request); the domain refuses it On-hold, Solved or
// merged. Like every change, the events, the notifications and the live pages' event are written
// with it; the form's second submission answers as the first.

export const markSolved = defineUseCase({
  input: markSolvedSchema,
  identifies: ["requestId"],
  run: async (db: Database, viewer: Viewer, input): Promise<Outcome> =>
    changeRequestOnce(
      db,
      {
        requestId: input.requestId,
        viewer,
        may: ["solve_as_requester"],
        makeCommand: () => ({
          type: "requester_solve",
          at: viewer.now,
          requesterId: viewer.actor.userId,
        }),
      },
      submissionOf("mark_solved", input),
      () => ({}),
    ),
});
