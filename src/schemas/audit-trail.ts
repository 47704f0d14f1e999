import { z } from "zod";
import { choiceParam, keyCursorParam, searchParam } from "./list-params";

/**
 * Every kind of event the audit trail records, as the database's enum names them (the server
 * checks at compile time that the two lists are the same).
 */
export const AUDIT_EVENT_TYPES = [
  "signed_in",
  "sign_in_failed",
  "sign_in_throttled",
  "signed_out",
  "session_ended",
  "password_changed",
  "password_change_failed",
  "account_disabled",
  "account_enabled",
  "organization_access_granted",
  "organization_access_declined",
  "organization_access_revoked",
  "password_reset_requested",
  "password_reset",
  "api_token_created",
  "api_token_revoked",
  "webhook_endpoint_changed",
] as const;

export type AuditTrailEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** The audit trail's view, from its URL: one kind of event or all, a person's email (or part of it), and where the page starts. */
export const auditTrailParamsSchema = z.object({
  type: choiceParam(AUDIT_EVENT_TYPES),
  q: searchParam,
  after: keyCursorParam,
  before: keyCursorParam,
});

export type AuditTrailParams = z.infer<typeof auditTrailParamsSchema>;
