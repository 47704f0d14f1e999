import { z } from "zod";
import { MAX_DESCRIPTION_LENGTH } from "./new-request";
import { MAX_REPLY_LENGTH } from "./request-reply";

/** A composer's text to preview: no longer than the longest text a composer sends. */
export const markdownPreviewSchema = z.object({ text: z.string().max(Math.max(MAX_REPLY_LENGTH, MAX_DESCRIPTION_LENGTH)) });
