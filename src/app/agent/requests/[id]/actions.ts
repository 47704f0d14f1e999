"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { findAgentViewer, type Viewer } from "@/server/access/viewer";
import { getDatabase } from "@/server/db";
import type { Database } from "@/server/db/client";
import type { AgentActionResult } from "@/server/agent/agent-action";
import { addInternalNote } from "@/server/agent/add-internal-note";
import { agentReply } from "@/server/agent/agent-reply";
import { assignRequest } from "@/server/agent/assign-request";
import { holdRequest } from "@/server/agent/hold-request";
import { mergeRequest } from "@/server/agent/merge-request";
import { reclassifyRequest } from "@/server/agent/reclassify-request";
import { sendReminder } from "@/server/agent/send-reminder";
import { solveRequest } from "@/server/agent/solve-request";
import type { AgentFormState } from "@/ui/agent-request/form-state";

// The agent request page's actions. Each one finds the agent itself (anyone else gets the same
// "not found" as a request that does not exist) and lets the use case decide again.

type DoneKey = "reply" | "note" | "hold" | "solve" | "merge" | "reclassify" | "reminder" | "assign";

async function run<Input>(
  previous: AgentFormState,
  formData: FormData,
  fields: readonly string[],
  work: (db: Database, viewer: Viewer, input: Input) => Promise<AgentActionResult>,
  doneKey: DoneKey,
): Promise<AgentFormState> {
  const t = await getTranslations("agentRequest");
  const values: Record<string, string> = {};
  for (const field of ["requestId", ...fields]) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const submission = previous.submission + 1;
  const failed = (message: string): AgentFormState => ({ status: "error", message, values, submission });

  const viewer = await findAgentViewer();
  if (!viewer) return failed(t("errors.notFound"));
  // The form's fields as they came: the use case parses them, and bad input changes nothing.
  const result = await work(getDatabase(), viewer, values as Input);
  if (!result.ok) {
    switch (result.reason) {
      case "not_found":
        return failed(t("errors.notFound"));
      case "conflict":
        return failed(t("errors.conflict"));
      case "invalid": {
        const [field, codes] = Object.entries(result.fieldErrors)[0] ?? ["", []];
        const code = codes[0] ?? "invalid";
        const known = (FIELDS as readonly string[]).includes(field) ? (field as (typeof FIELDS)[number]) : "body";
        return failed(t(`errors.${code}`, { field: t(`fields.${known}`) }));
      }
      case "refused": {
        const code = `refusals.${result.code}`;
        return failed(t.has(code as "refusals.already_solved") ? t(code as "refusals.already_solved") : result.message);
      }
    }
  }
  revalidatePath(`/agent/requests/${values.requestId}`);
  revalidatePath(`/requests/${values.requestId}`);
  return { status: "done", message: t(`done.${doneKey}`), values: {}, submission };
}

/** Fields an "invalid" answer may name, with a translated label each. */
const FIELDS = ["body", "assigneeId", "targetId"] as const;
const RESOLUTION_FIELDS = ["solvedReason", "bugReference", "bugPriority", "bugEta"] as const;
const HOLD_FIELDS = ["holdReason", "holdReasonText"] as const;

export async function replyAction(previous: AgentFormState, formData: FormData) {
  return run(previous, formData, ["body", "then", ...HOLD_FIELDS, ...RESOLUTION_FIELDS], agentReply, "reply");
}

export async function internalNoteAction(previous: AgentFormState, formData: FormData) {
  return run(previous, formData, ["body"], addInternalNote, "note");
}

export async function holdAction(previous: AgentFormState, formData: FormData) {
  return run(previous, formData, HOLD_FIELDS, holdRequest, "hold");
}

export async function solveAction(previous: AgentFormState, formData: FormData) {
  return run(previous, formData, RESOLUTION_FIELDS, solveRequest, "solve");
}

export async function mergeAction(previous: AgentFormState, formData: FormData) {
  // The agent types an id or picks a candidate; a typed id wins.
  const typed = formData.get("targetIdTyped");
  if (typeof typed === "string" && typed.trim()) formData.set("targetId", typed.trim());
  return run(previous, formData, ["targetId"], mergeRequest, "merge");
}

export async function reclassifyAction(previous: AgentFormState, formData: FormData) {
  return run(previous, formData, ["priority", "reason"], reclassifyRequest, "reclassify");
}

export async function reminderAction(previous: AgentFormState, formData: FormData) {
  return run(previous, formData, ["body"], sendReminder, "reminder");
}

export async function assignAction(previous: AgentFormState, formData: FormData) {
  return run(
    previous,
    formData,
    ["assigneeId"],
    (db, viewer, input: Record<string, string>) => assignRequest(db, viewer, { requestId: input.requestId ?? "", assigneeId: input.assigneeId === "me" ? viewer.actor.userId : input.assigneeId }),
    "assign",
  );
}
