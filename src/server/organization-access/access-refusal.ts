import { refuse, type AccessRefusalCode, type Result } from "@/domain";

/**
 * Why an organization-access use case said no: the domain's refusals (src/domain/organization-access.ts),
 * plus what only the data can tell — the request or grant is not there (or not the viewer's to see),
 * an earlier request is still open, or the input was malformed. Each code has a message under
 * `organizationAccess.refusals`.
 */
export type OrganizationAccessRefusalCode = AccessRefusalCode | "not_found" | "already_requested" | "note_too_long" | "invalid_input";

export type OrganizationAccessResult<T = object> = Result<T, OrganizationAccessRefusalCode>;

/** The same answer for "does not exist" and "not yours": ids of others' requests stay unconfirmed. */
export const notFound = () => refuse("not_found", "There is no such organization access request.");
