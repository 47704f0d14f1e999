import { z } from "zod";
import { requestIdSchema } from "./request-id";
import { submissionKeySchema } from "./submission-key";

// The requester's verdict on their request (docs/product.md §4.1, §4.5). Shapes only: whether the
// request may be solved or rated now, and whether the score and comment are acceptable, is the
// domain's rule (src/domain/transitions.ts, src/domain/satisfaction.ts), and its refusals reach the form.

/** "Mark as solved": the request and the form's key (a second click solves once). */
export const markSolvedSchema = z.object({
  requestId: requestIdSchema,
  submissionKey: submissionKeySchema,
});

/** A rating, given or changed: good or bad, and an optional comment (a blank one is none). */
export const rateRequestSchema = z.object({
  requestId: requestIdSchema,
  score: z.string({ error: "required" }).trim().min(1, { error: "required" }),
  comment: z.string().optional(),
});

export type RateRequestInput = z.input<typeof rateRequestSchema>;
