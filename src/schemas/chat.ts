import { z } from "zod";
import { MAX_CHAT_MESSAGE_LENGTH } from "@/domain";
import { requestIdSchema } from "./request-id";
import { submissionKeySchema } from "./submission-key";

/** A chat session's id, as ids are made here; anything else is not a chat. */
export const chatIdSchema = z.string().trim().regex(/^[a-z0-9-]{8,64}$/i);

/** A chat line: plain text, shown as written. */
export const chatMessageBodySchema = z
  .string({ error: "message_required" })
  .transform((text) => text.replace(/\r\n?/g, "\n"))
  .pipe(z.string().max(MAX_CHAT_MESSAGE_LENGTH, { error: "message_too_long" }).refine((text) => text.trim().length > 0, { error: "message_required" }));

/**
 * Starting a chat: about one of the customer's requests, or a new topic whose first message opens
 * the request. When nobody is available the same message is left on the request instead.
 */
export const startChatSchema = z.object({
  requestId: requestIdSchema.optional(),
  /** For a new topic, from a customer of several organizations: which one it is for. */
  organizationId: z.string().trim().min(1).max(100).optional(),
  message: chatMessageBodySchema,
  submissionKey: submissionKeySchema,
});

/** A message in a chat; `clientId` lets the sender match the echo of its own message. */
export const chatMessageSchema = z.object({
  chatId: chatIdSchema,
  body: chatMessageBodySchema,
  clientId: z.string().trim().max(64).regex(/^[\w-]*$/).optional(),
});

export const chatRefSchema = z.object({ chatId: chatIdSchema });

export const transferChatSchema = z.object({ chatId: chatIdSchema, agentId: z.string().trim().min(1).max(100) });

export const chatAvailabilitySchema = z.object({ available: z.enum(["available", "away"]) });

export type StartChatInput = z.input<typeof startChatSchema>;
