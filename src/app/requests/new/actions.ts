"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import {
  MAX_CCS,
  MAX_DESCRIPTION_LENGTH,
  MAX_SUBJECT_LENGTH,
  NEW_REQUEST_FIELDS,
  newRequestFromForm,
  type NewRequestErrorCode,
} from "@/schemas/new-request";
import { findViewer } from "@/server/access/viewer";
import { getDatabase } from "@/server/db";
import { createRequest } from "@/server/requests/create-request";
import type { NewRequestFormState } from "@/ui/new-request/form-state";

const LIMITS: Partial<Record<NewRequestErrorCode, number>> = {
  subject_too_long: MAX_SUBJECT_LENGTH,
  description_too_long: MAX_DESCRIPTION_LENGTH,
  cc_too_many: MAX_CCS,
};

/** The new-request form's action: creates the request and opens its page, or returns why not, with the input kept. */
export async function submitNewRequest(previous: NewRequestFormState, formData: FormData): Promise<NewRequestFormState> {
  const t = await getTranslations("newRequest");
  const refused = (fieldErrors: NewRequestFormState["fieldErrors"], formError: string | null): NewRequestFormState => ({
    values: submittedValues(formData),
    fieldErrors,
    formError,
    attempt: previous.attempt + 1,
  });
  // An action is a public endpoint: it checks the user itself, whatever page rendered the form.
  const viewer = await findViewer();
  if (!viewer) return refused({}, t("signedOut"));

  const result = await createRequest(getDatabase(), viewer, newRequestFromForm(formData));
  if (result.ok) redirect(`/requests/${result.id}`);
  if (result.formError) return refused({}, t(result.formError === "agents_cannot_create" ? "agentsCannotCreate" : "noOrganization"));
  const fieldErrors: NewRequestFormState["fieldErrors"] = {};
  for (const field of NEW_REQUEST_FIELDS) {
    const code = result.fieldErrors[field];
    if (code) fieldErrors[field] = t(`errors.${code}`, { max: LIMITS[code] ?? 0 });
  }
  return refused(fieldErrors, null);
}

function submittedValues(formData: FormData): NewRequestFormState["values"] {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    organizationId: text("organizationId"),
    subject: text("subject"),
    description: text("description"),
    priority: text("priority"),
    ccUserIds: formData.getAll("ccUserIds").filter((value): value is string => typeof value === "string"),
  };
}
