import { z } from "zod";

export const MAX_ACCESS_NOTE_LENGTH = 1000;

/** Ids are opaque strings (cuid, or the demo data's ids). */
const id = z.string().trim().min(1).max(100);

/** Empty form fields mean "not given". */
const optionalText = (schema: z.ZodType<string | undefined>) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

/**
 * Asking for organization-level access. `organizationId` is needed only from a person with several
 * memberships; `approverId` only from an organization admin (one of the organization's technical
 * contacts, checked by the domain).
 */
export const organizationAccessRequestSchema = z.object({
  organizationId: optionalText(id.optional()),
  approverId: optionalText(id.optional()),
  note: optionalText(z.string().trim().max(MAX_ACCESS_NOTE_LENGTH, { error: "note_too_long" }).optional()),
});

export type OrganizationAccessRequestInput = z.input<typeof organizationAccessRequestSchema>;

export const ACCESS_DECISIONS = ["approve", "decline"] as const;
export type AccessDecision = (typeof ACCESS_DECISIONS)[number];

/** The named technical contact's answer to an access request. */
export const organizationAccessDecisionSchema = z.object({
  accessRequestId: id,
  decision: z.enum(ACCESS_DECISIONS),
});

export type OrganizationAccessDecisionInput = z.input<typeof organizationAccessDecisionSchema>;

/** An agent grants an access request. */
export const organizationAccessGrantSchema = z.object({ accessRequestId: id });

export type OrganizationAccessGrantInput = z.input<typeof organizationAccessGrantSchema>;

export const organizationAccessRevokeSchema = z.object({ grantId: id });

export type OrganizationAccessRevokeInput = z.input<typeof organizationAccessRevokeSchema>;

/** Reads a form's text field; absent and file fields are undefined. */
export function formText(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** What the page says after a step succeeded (`?done=`); anything else says nothing. */
export const ACCESS_NOTICES = ["requested", "approved", "declined"] as const;
export type AccessNotice = (typeof ACCESS_NOTICES)[number];

export const organizationAccessPageParamsSchema = z.object({
  done: z.enum(ACCESS_NOTICES).optional().catch(undefined),
});
