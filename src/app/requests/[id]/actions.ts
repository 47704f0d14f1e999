"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { findViewer } from "@/server/access/viewer";
import { getDatabase } from "@/server/db";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { MAX_REPLY_LENGTH, requestReplySchema } from "@/schemas/request-reply";
import type { ReplyFormState } from "@/ui/request/form-state";

// The request page's actions. Each one finds the viewer itself and lets the use case decide
// visibility and permission again: a request that does not exist and one the viewer may not touch
// get the same answer.

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

export async function replyAction(previous: ReplyFormState, formData: FormData): Promise<ReplyFormState> {
  const t = await getTranslations("request.reply");
  const body = text(formData.get("body"));
  const submission = previous.submission + 1;
  const failed = (message: string, bodyError: string | null = null): ReplyFormState => ({ status: "error", message, bodyError, body, submission });

  const viewer = await findViewer();
  if (!viewer) return failed(t("signedOut"));
  const parsed = requestReplySchema.safeParse({ requestId: text(formData.get("requestId")), body });
  if (!parsed.success) {
    const bodyIssue = parsed.error.issues.find((issue) => issue.path[0] === "body");
    if (!bodyIssue) return failed(t("notFound"));
    const message = bodyIssue.code === "too_big" ? t("tooLong", { max: MAX_REPLY_LENGTH }) : t("required");
    return failed(message, message);
  }

  const result = await replyToRequest(getDatabase(), viewer, parsed.data);
  if (!result.ok) {
    switch (result.reason) {
      case "invalid": {
        const message = result.fieldErrors.body.includes("reply_too_long") ? t("tooLong", { max: MAX_REPLY_LENGTH }) : t("required");
        return failed(message, message);
      }
      case "not_found":
        return failed(t("notFound"));
      case "agent_reply_elsewhere":
        return failed(t("agentConsole"));
      case "conflict":
        return failed(t("conflict"));
    }
  }
  revalidatePath(`/requests/${parsed.data.requestId}`);
  revalidatePath("/requests");
  return { status: "sent", message: result.reopened ? t("sentReopened") : t("sent"), bodyError: null, body: "", submission };
}
