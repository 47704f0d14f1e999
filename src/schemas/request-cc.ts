import { z } from "zod";
import { requestIdSchema } from "./request-id";

/** Adding or removing one CC on a request. User ids are opaque strings (cuid, or the demo data's ids). */
export const requestCcSchema = z.object({
  requestId: requestIdSchema,
  userId: z.string().trim().min(1).max(100),
});

export type RequestCcInput = z.input<typeof requestCcSchema>;
export type RequestCc = z.output<typeof requestCcSchema>;
