"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formText, MAX_ACCESS_NOTE_LENGTH } from "@/schemas/organization-access";
import { findViewer } from "@/server/access/viewer";
import { getDatabase } from "@/server/db";
import { decideOrganizationAccess } from "@/server/organization-access/decide-organization-access";
import { requestOrganizationAccess } from "@/server/organization-access/request-organization-access";
import type { AccessDecisionFormState, AccessRequestFormState } from "@/ui/organization-access/form-state";

/** Asks for organization-level access; the page then shows where the request stands. */
export async function submitAccessRequest(previous: AccessRequestFormState, formData: FormData): Promise<AccessRequestFormState> {
  const t = await getTranslations("organizationAccess");
  const values = { approverId: formText(formData, "approverId") ?? "", note: formText(formData, "note") ?? "" };
  const refused = (fieldErrors: AccessRequestFormState["fieldErrors"], formError: string | null): AccessRequestFormState => ({
    values,
    fieldErrors,
    formError,
    attempt: previous.attempt + 1,
  });
  // An action is a public endpoint: it checks the user itself, whatever page rendered the form.
  const viewer = await findViewer();
  if (!viewer) return refused({}, t("signedOut"));

  const result = await requestOrganizationAccess(getDatabase(), viewer, { organizationId: formText(formData, "organizationId"), ...values });
  if (result.ok) redirect("/organization-access?done=requested");
  const { code } = result.refusal;
  const message = t(`refusals.${code}`, { max: MAX_ACCESS_NOTE_LENGTH });
  if (code === "approver_required" || code === "approver_not_technical_contact" || code === "approver_is_requester") return refused({ approverId: message }, null);
  if (code === "note_too_long") return refused({ note: message }, null);
  return refused({}, message);
}

/** The named technical contact approves or declines an admin's access request. */
export async function submitAccessDecision(_previous: AccessDecisionFormState, formData: FormData): Promise<AccessDecisionFormState> {
  const t = await getTranslations("organizationAccess");
  const viewer = await findViewer();
  if (!viewer) return { error: t("signedOut") };

  const result = await decideOrganizationAccess(getDatabase(), viewer, {
    accessRequestId: formText(formData, "accessRequestId"),
    decision: formText(formData, "decision"),
  });
  if (result.ok) redirect(`/organization-access?done=${result.approvalState === "declined" ? "declined" : "approved"}`);
  return { error: t(`refusals.${result.refusal.code}`, { max: MAX_ACCESS_NOTE_LENGTH }) };
}
