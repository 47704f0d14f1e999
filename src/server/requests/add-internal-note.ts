import "server-only";
import { internalNoteSchema } from "@/schemas/agent-request";
import { submissionOf } from "@/server/submissions";
import { defineRequestChange } from "./change-request";

// An internal note: for agents only, never shown to customers anywhere. It changes no status and is
// not activity the customer sees, so the request's state (lastActivityAt included) stays as it is;
// only the version moves, like every write to a request. The form's second submission (same key)
// adds no second note.

export const addInternalNote = defineRequestChange(internalNoteSchema, (_viewer, input) => ({
  may: ["add_internal_note"],
  comment: { body: input.body, visibility: "internal", attachmentIds: input.attachmentIds },
  submission: submissionOf("internal_note", input),
}));
