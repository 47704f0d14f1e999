import { refuse, type Refusal } from "./refusal";
import { isGrantActive, type Actor, type Membership, type OrganizationGrant } from "./visibility";

// Organization-level access (docs/product.md §6): technical contacts request it; organization admins
// request it only by naming one of the organization's technical contacts, who approves or declines;
// agents grant only an approved request (or a technical contact's own), and revoke grants.

export type ApprovalState = "not_required" | "pending" | "approved" | "declined";

export interface AccessRequestView {
  organizationId: string;
  requesterId: string;
  approverId: string | null;
  approvalState: ApprovalState;
}

export type AccessRefusalCode =
  | "not_a_member"
  | "not_entitled"
  | "approver_required"
  | "approver_not_technical_contact"
  | "approver_is_requester"
  | "already_granted"
  | "already_requested"
  | "not_the_approver"
  | "already_decided"
  | "agents_only"
  | "not_approved"
  | "grant_not_active";

type Check<T = object> = ({ ok: true } & T) | { ok: false; refusal: Refusal<AccessRefusalCode> };

function membershipIn(actor: Actor, organizationId: string): Membership | undefined {
  return actor.memberships.find((membership) => membership.organizationId === organizationId);
}

/**
 * An access request still under way: waiting for its approver, or approved (or needing no approval)
 * and not yet granted. While one is open its requester cannot ask again, so nobody decides the same
 * question twice.
 */
export function isAccessRequestOpen(request: { approvalState: ApprovalState; granted: boolean }): boolean {
  return request.approvalState === "pending" || ((request.approvalState === "approved" || request.approvalState === "not_required") && !request.granted);
}

/**
 * May `actor` ask for organization-level access to `organizationId`, naming `approver` if needed?
 * `hasOpenRequest`: whether an earlier request of theirs is still open (see isAccessRequestOpen).
 * The returned approval state says whether a technical contact still has to approve.
 */
export function checkAccessRequest(
  actor: Actor,
  organizationId: string,
  approver: { userId: string; membership: Membership | undefined } | null,
  now: Date,
  hasOpenRequest = false,
): Check<{ approvalState: ApprovalState; approverId: string | null }> {
  const membership = membershipIn(actor, organizationId);
  if (!membership) return refuse("not_a_member", "You can ask for access only to your own organization.");
  if (actor.grants.some((grant) => grant.organizationId === organizationId && isGrantActive(grant, now))) {
    return refuse("already_granted", "You already have organization-level access.");
  }
  if (hasOpenRequest) return refuse("already_requested", "Your earlier request is still being handled.");
  if (membership.isTechnicalContact) return { ok: true, approvalState: "not_required", approverId: null };
  if (!membership.isAdmin) return refuse("not_entitled", "Only technical contacts and organization admins can ask for organization-level access.");
  if (!approver) return refuse("approver_required", "Name one of your organization's technical contacts to approve the request.");
  if (approver.userId === actor.userId) return refuse("approver_is_requester", "Another technical contact must approve your request.");
  if (!approver.membership || approver.membership.organizationId !== organizationId || !approver.membership.isTechnicalContact) {
    return refuse("approver_not_technical_contact", "The approver must be a technical contact of your organization.");
  }
  return { ok: true, approvalState: "pending", approverId: approver.userId };
}

/** The named technical contact approves or declines a pending request. */
export function checkApprovalDecision(actor: Actor, request: AccessRequestView): Check {
  if (request.approverId !== actor.userId) return refuse("not_the_approver", "Only the technical contact named in the request can approve it.");
  if (request.approvalState !== "pending") return refuse("already_decided", "This request was already decided.");
  const membership = membershipIn(actor, request.organizationId);
  if (!membership?.isTechnicalContact) return refuse("approver_not_technical_contact", "Only a technical contact of the organization can approve it.");
  return { ok: true };
}

/** Agents grant an approved request, or a technical contact's own (no approval needed). */
export function checkGrant(actor: Actor, request: AccessRequestView, activeGrantForRequester: boolean): Check {
  if (!actor.isAgent) return refuse("agents_only", "Only the support team grants organization-level access.");
  if (request.approvalState !== "approved" && request.approvalState !== "not_required") {
    return refuse("not_approved", "Only an approved request can be granted.");
  }
  if (activeGrantForRequester) return refuse("already_granted", "This person already has organization-level access.");
  return { ok: true };
}

export function checkRevoke(actor: Actor, grant: OrganizationGrant, now: Date): Check {
  if (!actor.isAgent) return refuse("agents_only", "Only the support team revokes organization-level access.");
  if (!isGrantActive(grant, now)) return refuse("grant_not_active", "This access is no longer active.");
  return { ok: true };
}
