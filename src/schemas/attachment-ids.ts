import { z } from "zod";

/**
 * The schema's own bound on how many files a message names; the configured limit (ATTACHMENT_MAX_FILES,
 * at most this many) is applied when the files are claimed.
 */
export const MAX_ATTACHMENT_IDS = 100;

/**
 * The files uploaded ahead of a message (POST /api/attachments) that go with it: a form sends each id
 * as a repeated hidden field `attachmentIds`. None sent means none; the same id twice counts once.
 * Whether they are the sender's staged files is for the claim (claimAttachments) to decide.
 */
export const attachmentIdsSchema = z.preprocess(
  (value) => (value === undefined || value === null ? [] : typeof value === "string" ? [value] : value),
  z
    .array(z.string({ error: "attachments_not_found" }).regex(/^[a-z0-9]{1,64}$/, { error: "attachments_not_found" }), { error: "attachments_not_found" })
    .transform((ids) => [...new Set(ids)])
    .pipe(z.array(z.string()).max(MAX_ATTACHMENT_IDS, { error: "too_many" })),
);
