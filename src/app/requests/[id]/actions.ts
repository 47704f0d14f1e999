"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { findViewer } from "@/server/access/viewer";
import { getDatabase } from "@/server/db";
import { addRequestCc } from "@/server/requests/add-request-cc";
import { removeRequestCc } from "@/server/requests/remove-request-cc";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { requestCcSchema } from "@/schemas/request-cc";
import { MAX_REPLY_LENGTH, requestReplySchema } from "@/schemas/request-reply";
import type { CcFormState, ReplyFormState } from "@/ui/request/form-state";

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

export async function addCcAction(previous: CcFormState, formData: FormData): Promise<CcFormState> {
  const t = await getTranslations("request.cc");
  const submission = previous.submission + 1;
  const failed = (message: string): CcFormState => ({ status: "error", message, submission });

  const viewer = await findViewer();
  if (!viewer) return failed(t("notFound"));
  const parsed = requestCcSchema.safeParse({ requestId: text(formData.get("requestId")), userId: text(formData.get("userId")) });
  if (!parsed.success) return failed(parsed.error.issues.some((issue) => issue.path[0] === "requestId") ? t("notFound") : t("required"));

  const result = await addRequestCc(getDatabase(), viewer, parsed.data);
  if (!result.ok) return failed({ not_found: t("notFound"), invalid: t("required"), not_eligible: t("notEligible") }[result.reason]);
  revalidatePath(`/requests/${parsed.data.requestId}`);
  return { status: "done", message: t("added"), submission };
}

export async function removeCcAction(previous: CcFormState, formData: FormData): Promise<CcFormState> {
  const t = await getTranslations("request.cc");
  const submission = previous.submission + 1;
  const failed = (message: string): CcFormState => ({ status: "error", message, submission });

  const viewer = await findViewer();
  if (!viewer) return failed(t("notFound"));
  const parsed = requestCcSchema.safeParse({ requestId: text(formData.get("requestId")), userId: text(formData.get("userId")) });
  if (!parsed.success) return failed(t("notFound"));

  const result = await removeRequestCc(getDatabase(), viewer, parsed.data);
  if (!result.ok) return failed(t("notFound"));
  revalidatePath(`/requests/${parsed.data.requestId}`);
  return { status: "done", message: t("removed"), submission };
}
