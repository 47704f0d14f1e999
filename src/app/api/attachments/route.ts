import { readAttachmentConfig } from "@/config/env";
import { getAttachmentStore } from "@/server/attachments";
import { uploadAttachments } from "@/server/attachments/upload-attachments";
import { getDatabase } from "@/server/db";
import { problem, withViewer } from "@/server/entry/routes";

/** Files uploaded ahead of the message they go with; the message's form sends their ids. */
export const POST = withViewer(async (request, viewer) => {
  const answer = await uploadAttachments(getDatabase(), getAttachmentStore(), viewer, request, readAttachmentConfig());
  if (answer.ok) return Response.json({ attachments: answer.attachments }, { status: 201 });
  const status = answer.code === "too_large" || answer.code === "message_too_large" || answer.code === "too_many_unsent" ? 413 : 422;
  return problem(status, answer.code, "The upload was refused.", { fileName: answer.fileName });
});
