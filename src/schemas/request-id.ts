import { z } from "zod";
import { MAX_ID } from "./list-params";

/**
 * A request id from a URL, a form or a JSON body: digits only, a positive integer that fits the
 * column. Anything else ("abc", "0", "1e3", "-4", "12.5") is simply not a request.
 */
export const requestIdSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^[1-9]\d{0,9}$/))
  .transform(Number)
  .pipe(z.number().int().positive().max(MAX_ID));

/** One request, by id: what reading a request takes. */
export const requestRefSchema = z.object({ requestId: requestIdSchema });
