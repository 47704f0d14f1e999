import { z } from "zod";
import { attachmentIdsSchema } from "./attachment-ids";
import { requestIdSchema } from "./request-id";
import { submissionKeySchema } from "./submission-key";

export const MAX_REPLY_LENGTH = 20_000;

/** The text of a public reply, an internal note or a reminder: Markdown, rendered sanitized. */
export const messageBodySchema = z.string().trim().min(1).max(MAX_REPLY_LENGTH);

/** A reply in the request's thread from the requester's side. */
export const requestReplySchema = z.object({ requestId: requestIdSchema, body: messageBodySchema, attachmentIds: attachmentIdsSchema, submissionKey: submissionKeySchema });

export type RequestReplyInput = z.input<typeof requestReplySchema>;
