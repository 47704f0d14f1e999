import { readAttachmentConfig } from "@/config/env";
import { getAttachmentStore, getScanner } from "@/server/attachments";
import { uploadAttachments } from "@/server/attachments/upload-attachments";
import { getDatabase } from "@/server/db";
import { problem, withViewer } from "@/server/entry/routes";

/** Files uploaded ahead of the message they go with; the message's form sends their ids. */
export const POST = withViewer(async (request, viewer) => {
  const answer = await uploadAttachments(getDatabase(), getAttachmentStore(), viewer, request, readAttachmentConfig(), getScanner());
  if (answer.ok) return Response.json({ attachments: answer.attachments }, { status: 201 });
  // An infected file is refused like any unacceptable content (422), naming the file; its row stays as the record.
  const status = answer.code === "too_large" || answer.code === "message_too_large" || answer.code === "too_many_unsent" ? 413 : 422;
  const detail = answer.code === "infected" ? "The file contains malware and was refused." : "The upload was refused.";
  return problem(status, answer.code, detail, { fileName: answer.fileName });
});
