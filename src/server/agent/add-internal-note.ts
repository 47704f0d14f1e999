import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { changeRequest } from "@/server/requests/change-request";
import { internalNoteSchema, type InternalNoteInput } from "@/schemas/agent-request";
import { invalidInput, toActionResult, type AgentActionResult } from "./agent-action";

// An internal note: for agents only, never shown to customers anywhere. It changes no status and is
// not activity the customer sees, so the request's state (lastActivityAt included) stays as it is;
// only the version moves, like every write to a request.

export async function addInternalNote(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: InternalNoteInput): Promise<AgentActionResult> {
  const parsed = internalNoteSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await changeRequest(db, {
    requestId: parsed.data.requestId,
    viewer,
    permissions: ["add_internal_note"],
    comment: { body: parsed.data.body, visibility: "internal" },
  });
  return toActionResult(result);
}
