"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { findViewer } from "@/server/access/viewer";
import { getDatabase } from "@/server/db";
import { addRequestCc } from "@/server/requests/add-request-cc";
import { removeRequestCc } from "@/server/requests/remove-request-cc";
import { requestCcSchema } from "@/schemas/request-cc";
import type { CcFormState } from "@/ui/request/form-state";

// Adding and removing CCs, from the portal's request page (the requester) and the agent console's
// (agents). The use cases decide who may: the domain's `manage_ccs`.

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

const useCases = { add: addRequestCc, remove: removeRequestCc };

// The message for each outcome; a refused removal says only "not found", as there is nothing to fix.
const messageKeys = {
  add: { done: "added", not_found: "notFound", invalid: "required", not_eligible: "notEligible" },
  remove: { done: "removed", not_found: "notFound", invalid: "notFound", not_eligible: "notFound" },
} as const;

async function changeCcs(change: "add" | "remove", previous: CcFormState, formData: FormData): Promise<CcFormState> {
  const t = await getTranslations("request.cc");
  const submission = previous.submission + 1;
  const failed = (reason: keyof (typeof messageKeys)[typeof change]): CcFormState => ({ status: "error", message: t(messageKeys[change][reason]), submission });

  const viewer = await findViewer();
  if (!viewer) return failed("not_found");
  const parsed = requestCcSchema.safeParse({ requestId: text(formData.get("requestId")), userId: text(formData.get("userId")) });
  if (!parsed.success) return failed(parsed.error.issues.some((issue) => issue.path[0] === "requestId") ? "not_found" : "invalid");

  // The use case asks the domain's `manage_ccs`.
  const result = await useCases[change](getDatabase(), viewer, parsed.data);
  if (!result.ok) return failed(result.reason);
  revalidatePath(`/requests/${parsed.data.requestId}`);
  revalidatePath(`/agent/requests/${parsed.data.requestId}`);
  return { status: "done", message: t(messageKeys[change].done), submission };
}

export async function addCcAction(previous: CcFormState, formData: FormData): Promise<CcFormState> {
  return changeCcs("add", previous, formData);
}

export async function removeCcAction(previous: CcFormState, formData: FormData): Promise<CcFormState> {
  return changeCcs("remove", previous, formData);
}
