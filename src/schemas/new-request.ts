import { z } from "zod";
import { PRIORITY_CODES } from "@/domain";
import { attachmentIdsSchema } from "./attachment-ids";
import { submissionKeySchema } from "./submission-key";

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 20_000;
export const MAX_CCS = 20;

/**
 * Why a field of the new-request form was refused. Each code is a message key under
 * `newRequest.errors`, so the form shows the user's language and never a raw validation text.
 */
export const NEW_REQUEST_ERROR_CODES = [
  "subject_required",
  "subject_too_long",
  "description_required",
  "description_too_long",
  "priority_required",
  "cc_invalid",
  "cc_too_many",
  "cc_not_in_organization",
  "organization_required",
] as const;
export type NewRequestErrorCode = (typeof NEW_REQUEST_ERROR_CODES)[number];

export const NEW_REQUEST_FIELDS = ["organizationId", "subject", "description", "priority", "ccUserIds"] as const;
export type NewRequestField = (typeof NEW_REQUEST_FIELDS)[number];
export type NewRequestFieldErrors = Partial<Record<NewRequestField, NewRequestErrorCode>>;

/** For an issue zod raised on its own (a wrong type from a hand-made request), the field's usual message. */
const FALLBACK_CODES: Record<NewRequestField, NewRequestErrorCode> = {
  organizationId: "organization_required",
  subject: "subject_required",
  description: "description_required",
  priority: "priority_required",
  ccUserIds: "cc_invalid",
};

const error = (code: NewRequestErrorCode) => ({ error: code });

export const newRequestSchema = z.object({
  /** Needed only from a customer with several memberships; validated against them by the use case. */
  organizationId: z.string(error("organization_required")).trim().max(100, error("organization_required")).optional(),
  subject: z
    .string(error("subject_required"))
    .trim()
    .min(1, error("subject_required"))
    .max(MAX_SUBJECT_LENGTH, error("subject_too_long")),
  description: z
    .string(error("description_required"))
    // Browsers send a textarea's line breaks as CRLF; counted as one character, as the textarea does.
    .transform((text) => text.replace(/\r\n?/g, "\n"))
    .pipe(
      z
        .string()
        .max(MAX_DESCRIPTION_LENGTH, error("description_too_long"))
        // Leading spaces can be Markdown (an indented code block), so only blank text is refused.
        .refine((text) => text.trim().length > 0, error("description_required")),
    ),
  priority: z.enum(PRIORITY_CODES, error("priority_required")),
  ccUserIds: z
    .array(z.string(error("cc_invalid")).trim().min(1, error("cc_invalid")).max(100, error("cc_invalid")), error("cc_invalid"))
    .transform((ids) => [...new Set(ids)])
    .pipe(z.array(z.string()).max(MAX_CCS, error("cc_too_many"))),
  /** Files uploaded ahead, attached to the request's description. */
  attachmentIds: attachmentIdsSchema,
  submissionKey: submissionKeySchema,
});

export type NewRequestInput = z.input<typeof newRequestSchema>;
export type NewRequest = z.output<typeof newRequestSchema>;

/** The form's fields as the schema reads them; a field left out of the form is undefined, not "". */
export function newRequestFromForm(formData: FormData): Record<NewRequestField | "attachmentIds" | "submissionKey", unknown> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const organizationId = text("organizationId");
  return {
    organizationId: organizationId === "" ? undefined : organizationId,
    subject: text("subject") ?? "",
    description: text("description") ?? "",
    priority: text("priority"),
    ccUserIds: formData.getAll("ccUserIds"),
    attachmentIds: formData.getAll("attachmentIds"),
    submissionKey: text("submissionKey"),
  };
}

/** The first refusal of each field, as message codes. */
export function newRequestFieldErrors(issues: readonly z.core.$ZodIssue[]): NewRequestFieldErrors {
  const errors: NewRequestFieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (!isField(field) || errors[field]) continue;
    errors[field] = isErrorCode(issue.message) ? issue.message : FALLBACK_CODES[field];
  }
  return errors;
}

function isField(value: unknown): value is NewRequestField {
  return typeof value === "string" && (NEW_REQUEST_FIELDS as readonly string[]).includes(value);
}

function isErrorCode(value: string): value is NewRequestErrorCode {
  return (NEW_REQUEST_ERROR_CODES as readonly string[]).includes(value);
}
