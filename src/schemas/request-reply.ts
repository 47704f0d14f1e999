import { z } from "zod";

/** The largest request id PostgreSQL's `integer` holds; anything above cannot exist. */
const MAX_REQUEST_ID = 2_147_483_647;

/**
 * A request id from a URL or a form: digits only, a positive integer that fits the column. Anything
 * else ("abc", "0", "1e3", "-4", "12.5") is simply not a request.
 */
export const requestIdSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^[1-9]\d{0,9}$/))
  .transform(Number)
  .pipe(z.number().int().positive().max(MAX_REQUEST_ID));

/** Reads a request id, or null when it cannot be one. */
export function parseRequestId(value: unknown): number | null {
  const parsed = requestIdSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const MAX_REPLY_LENGTH = 20_000;

/** A public reply from the portal: Markdown text, rendered sanitized. */
export const requestReplySchema = z.object({
  requestId: requestIdSchema,
  body: z.string().trim().min(1).max(MAX_REPLY_LENGTH),
});

export type RequestReplyInput = z.input<typeof requestReplySchema>;
export type RequestReply = z.output<typeof requestReplySchema>;
