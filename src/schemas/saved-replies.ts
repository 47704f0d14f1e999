import { z } from "zod";
import { MAX_SAVED_REPLY_TITLE_LENGTH } from "@/domain/saved-replies";
import { MAX_REPLY_LENGTH } from "./request-reply";

// A saved reply's fields (docs/product.md §8): a title agents pick it by, and the text it inserts,
// as long as a reply may be.

const savedReplyId = z.string().trim().min(1).max(64);

const savedReplyFields = {
  title: z.string().trim().min(1).max(MAX_SAVED_REPLY_TITLE_LENGTH),
  body: z.string().trim().min(1).max(MAX_REPLY_LENGTH),
};

export const createSavedReplySchema = z.object(savedReplyFields);

export const updateSavedReplySchema = z.object({
  savedReplyId: savedReplyId,
  ...savedReplyFields,
});

/** One saved reply, by its id: to read or delete it. */
export const savedReplyIdSchema = z.object({ savedReplyId: savedReplyId });

export const deleteSavedReplySchema = savedReplyIdSchema;

export const listSavedRepliesSchema = z.object({});

export type CreateSavedReplyInput = z.input<typeof createSavedReplySchema>;
export type UpdateSavedReplyInput = z.input<typeof updateSavedReplySchema>;
